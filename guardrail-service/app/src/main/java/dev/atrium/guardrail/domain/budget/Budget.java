package dev.atrium.guardrail.domain.budget;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.Money;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A spending cap in USD over a window, as a level's admin wrote it; BYOK spend counts only if asked. */
public record Budget(BudgetWindow window, BigDecimal limit, boolean includeByok) {

    static final BigDecimal MAX_LIMIT = new BigDecimal("1000000000");

    public Budget {
        Objects.requireNonNull(window, "window");
        if (limit == null || limit.signum() < 0 || limit.compareTo(MAX_LIMIT) > 0) {
            throw new InvalidFieldException(PolicyDocument.BUDGETS,
                    "A budget's limit must be a number of USD from 0 to " + MAX_LIMIT.toPlainString());
        }
        if (limit.stripTrailingZeros().scale() > Money.SCALE) {
            throw new InvalidFieldException(PolicyDocument.BUDGETS,
                    "A budget's limit may have at most " + Money.SCALE + " decimals");
        }
        limit = Money.of(limit);
    }

    /** The list as written, checked: one budget per window at most. */
    public static List<Budget> validate(List<Budget> budgets) {
        if (budgets == null) {
            return null;
        }
        Set<BudgetWindow> seen = new HashSet<>();
        for (Budget b : budgets) {
            if (b == null || !seen.add(b.window())) {
                throw new InvalidFieldException(PolicyDocument.BUDGETS,
                        "budgets may hold one budget per window (daily, weekly, monthly, lifetime)");
            }
        }
        return List.copyOf(budgets);
    }
}
