package dev.atrium.guardrail.domain.budget;

import java.math.BigDecimal;
import java.time.Instant;

/** A budget as the effective view shows it: its limit, what was spent and what requests in flight hold. */
public record BudgetStatus(ApplicableBudget budget, BigDecimal spent, BigDecimal reserved, Instant resetsAt) {

    public static BudgetStatus of(ApplicableBudget budget, CounterState state, Instant now) {
        return new BudgetStatus(budget, state.spent(budget.budget().includeByok()), state.reserved(),
                budget.budget().window().resetsAt(now));
    }
}
