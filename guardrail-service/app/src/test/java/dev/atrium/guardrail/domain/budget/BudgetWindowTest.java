package dev.atrium.guardrail.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.price.ModelPrice;
import dev.atrium.guardrail.domain.price.WorstCase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetWindowTest {

    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T17:30:00Z");

    @Test
    void windowsStartAndResetAtUtcBoundaries() {
        assertThat(BudgetWindow.DAILY.start(WEDNESDAY)).isEqualTo("2026-11-25T00:00:00Z");
        assertThat(BudgetWindow.DAILY.resetsAt(WEDNESDAY)).isEqualTo("2026-11-26T00:00:00Z");
        assertThat(BudgetWindow.WEEKLY.start(WEDNESDAY)).isEqualTo("2026-11-23T00:00:00Z");
        assertThat(BudgetWindow.WEEKLY.resetsAt(WEDNESDAY)).isEqualTo("2026-11-30T00:00:00Z");
        assertThat(BudgetWindow.MONTHLY.start(WEDNESDAY)).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(BudgetWindow.MONTHLY.resetsAt(WEDNESDAY)).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(BudgetWindow.LIFETIME.start(WEDNESDAY)).isEqualTo(Instant.EPOCH);
        assertThat(BudgetWindow.LIFETIME.resetsAt(WEDNESDAY)).isNull();
        assertThat(BudgetWindow.WEEKLY.start(Instant.parse("2026-11-23T00:00:00Z"))).isEqualTo("2026-11-23T00:00:00Z");
    }

    @Test
    void theWorstCaseIsPricedAtTheHighestPricesAmongTheRequestedModels() {
        List<ModelPrice> prices = List.of(
                new ModelPrice("a/x", new BigDecimal("0.00000015"), new BigDecimal("0.0000006"), 16384),
                new ModelPrice("b/y", new BigDecimal("0.000003"), new BigDecimal("0.0000002"), null));
        assertThat(WorstCase.of(prices, 1000, 500, 1, 4096).amount()).isEqualByComparingTo("0.0033");
        assertThat(WorstCase.of(prices, 0, null, 1, 4096).amount()).isEqualByComparingTo("0.0098304");
        assertThat(WorstCase.of(prices, 0, null, 1, 4096).amount().scale()).isEqualTo(10);
        assertThat(WorstCase.of(prices, 0, null, 1, 4096).completionTokens())
                .as("the largest max completion of the requested models").isEqualTo(16384);
    }

    @Test
    void everyChoiceMayWriteTheWholeCompletionSoNMultipliesItButNotThePrompt() {
        List<ModelPrice> prices = List.of(
                new ModelPrice("a/x", new BigDecimal("0.000001"), new BigDecimal("0.000002"), null));
        // 100 prompt tokens once, 8 choices of 50 completion tokens: 0.0001 + 0.0008
        assertThat(WorstCase.of(prices, 100, 50, 8, 4096).amount()).isEqualByComparingTo("0.0009");
        assertThat(WorstCase.of(prices, 100, 50, 8, 4096).completionTokens()).isEqualTo(50);
        assertThat(WorstCase.of(prices, 0, null, 1, 4096).completionTokens())
                .as("no max_tokens and no model maximum: the configured default").isEqualTo(4096);
        assertThat(WorstCase.of(List.of(), 0, null, 1, 4096).amount()).as("no price known").isNull();
    }

    @Test
    void budgetMessagesNameTheLevelTheWindowAndTheLimit() {
        ApplicableBudget ws = new ApplicableBudget(PolicyScope.workspace("w"),
                new Budget(BudgetWindow.MONTHLY, new BigDecimal("500"), false), false);
        assertThat(ws.exceededMessage()).isEqualTo("Workspace monthly budget of $500.00 exceeded.");
        assertThat(ApplicableBudget.usd(new BigDecimal("0.0005"))).isEqualTo("$0.0005");
        CounterState state = new CounterState(new BigDecimal("499.8"), new BigDecimal("5"), new BigDecimal("0.1"));
        assertThat(ws.exceededBy(state, new BigDecimal("0.1"))).isFalse();
        assertThat(ws.exceededBy(state, new BigDecimal("0.11"))).isTrue();
    }
}
