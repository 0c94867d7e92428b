package dev.atrium.gateway.adapter.in.rest.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.guardrail.api.KeySpend;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** OpenRouter's key as the listing answers it: workspace-service's key with guardrail-service's spend. */
class KeyViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode key = read("{\"id\":\"key_1\",\"name\":\"ci\",\"prefix\":\"sk-at-v1-ab\",\"last4\":\"wxyz\","
            + "\"limit\":10,\"limit_reset\":\"monthly\",\"include_byok_in_limit\":false,\"workspace_id\":\"ws_1\","
            + "\"created_at\":\"2026-12-07T00:00:00Z\",\"disabled\":false}");

    @Test
    void answersGuardrailsSpendWithItsByokPartAndWhatTheLimitLeaves() {
        KeysRoutes.KeyView view = KeysRoutes.KeyView.of(key, new KeySpend("key_1", new BigDecimal("0.75"),
                new BigDecimal("0.75"), new BigDecimal("0.75"), new BigDecimal("0.75"), new BigDecimal("0.25"),
                new BigDecimal("0.25"), new BigDecimal("0.2"), new BigDecimal("0.25"), BigDecimal.TEN,
                new BigDecimal("9.5"), "monthly"));
        assertThat(view.hash()).isEqualTo("key_1");
        assertThat(view.usage()).isEqualByComparingTo("0.75");
        assertThat(view.byokUsage()).isEqualByComparingTo("0.25");
        assertThat(view.byokUsageWeekly()).isEqualByComparingTo("0.2");
        assertThat(view.byokUsageMonthly()).isEqualByComparingTo("0.25");
        assertThat(view.limitRemaining()).isEqualByComparingTo("9.5");
        assertThat(view.label()).isEqualTo("sk-at-v1-ab...wxyz");
    }

    @Test
    void aKeyGuardrailHasNotLearntYetHasSpentNothingAndHasItsWholeLimit() {
        KeysRoutes.KeyView view = KeysRoutes.KeyView.unspent(key);
        assertThat(view.usage()).isZero();
        assertThat(view.byokUsage()).isZero();
        assertThat(view.limitRemaining()).isEqualByComparingTo("10");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
