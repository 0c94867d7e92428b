package dev.atrium.guardrail.domain.named;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.budget.Budget;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import java.math.BigDecimal;

/**
 * A guardrail's {@code limit_usd} over its {@code reset_interval}: both or neither (OpenRouter's rule), a
 * window that resets (no lifetime). {@code include_byok_in_budgets} is kept even without a limit.
 */
public record GuardrailBudget(BigDecimal limitUsd, BudgetWindow resetInterval, boolean includeByok) {

    public static final GuardrailBudget NONE = new GuardrailBudget(null, null, false);

    public GuardrailBudget {
        if ((limitUsd == null) != (resetInterval == null)) {
            throw new InvalidFieldException(limitUsd == null ? "limit_usd" : "reset_interval",
                    "limit_usd and reset_interval must be set together");
        }
        if (resetInterval == BudgetWindow.LIFETIME) {
            throw new InvalidFieldException("reset_interval", "reset_interval must be daily, weekly or monthly");
        }
        if (limitUsd != null) {
            limitUsd = new Budget(resetInterval, limitUsd, includeByok).limit();
        }
    }

    /** The budget it sets, checked against the governed entity's own spend; null without a limit. */
    public Budget asBudget() {
        return limitUsd == null ? null : new Budget(resetInterval, limitUsd, includeByok);
    }
}
