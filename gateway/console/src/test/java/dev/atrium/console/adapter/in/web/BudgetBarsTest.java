package dev.atrium.console.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The budget bars show guardrail's numbers: spent, held and what is left of the limit. */
class BudgetBarsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void leftIsTheLimitLessSpentAndHeld() throws Exception {
        JsonNode budgets = JSON.readTree("[{\"level\":\"workspace\",\"window\":\"monthly\",\"limit\":5,"
                + "\"spent\":1.25,\"reserved\":0.5,\"source\":\"policy\"}]");

        var bar = WorkspacePage.budgets(budgets).get(0);

        assertThat(bar).containsEntry("limit", "$5.00").containsEntry("spent", "$1.25")
                .containsEntry("held", "$0.50").containsEntry("left", "$3.25")
                .containsEntry("spentPercent", "25.00").containsEntry("heldPercent", "10.00");
    }

    @Test
    void anOverspentBudgetShowsNothingLeftAndAFullBar() throws Exception {
        JsonNode budgets = JSON.readTree("[{\"level\":\"key\",\"window\":\"daily\",\"limit\":1,"
                + "\"spent\":1.4,\"reserved\":0,\"source\":\"key_limit\"}]");

        var bar = WorkspacePage.budgets(budgets).get(0);

        assertThat(bar).containsEntry("left", "$0.00").containsEntry("spentPercent", "100");
    }

    @Test
    void aFractionOfACentIsShownRatherThanRoundedAway() {
        assertThat(Views.money(new BigDecimal("0.00000852"))).isEqualTo("$0.00000852");
        assertThat(Views.money(new BigDecimal("100"))).isEqualTo("$100.00");
        assertThat(Views.money(new BigDecimal("12.5"))).isEqualTo("$12.50");
    }
}
