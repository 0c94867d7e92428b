package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.named.GuardrailRef;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A budget that applies to a request: a level's written budget, a key's own limit or a named guardrail's
 * {@code limit_usd}, checked against its own counter (the whole organization, the workspace, the member's
 * keys, the key). A guardrail's limit counts the spend of the entity it governs (its key, or its member),
 * never a pool shared by everyone it is assigned to.
 */
public record ApplicableBudget(PolicyScope scope, Budget budget, boolean keyLimit, GuardrailRef guardrail) {

    public ApplicableBudget(PolicyScope scope, Budget budget, boolean keyLimit) {
        this(scope, budget, keyLimit, null);
    }

    public SpendCounter counter(Instant at) {
        return SpendCounter.of(scope, budget.window(), at);
    }

    /** Whether spent + reserved + this request's worst case would pass the limit. */
    public boolean exceededBy(CounterState state, BigDecimal worstCase) {
        return state.spent(budget.includeByok()).add(state.reserved()).add(worstCase).compareTo(budget.limit()) > 0;
    }

    /**
     * E.g. "Workspace monthly budget of $500.00 exceeded.", "Key limit of $5.00 exceeded." or
     * "Guardrail "Interns" (key) daily budget of $1.00 exceeded.".
     */
    public String exceededMessage() {
        String window = budget.window() == BudgetWindow.LIFETIME && keyLimit ? "" : budget.window().wire() + " ";
        String who = guardrail == null ? scope.level().title()
                : "Guardrail \"" + guardrail.name() + "\" (" + scope.level().wire() + ")";
        return who + " " + window + (keyLimit ? "limit" : "budget") + " of "
                + usd(budget.limit()) + " exceeded.";
    }

    /** Every budget of the levels' documents, and the key's own limit, in ceiling-first order. */
    public static List<ApplicableBudget> of(List<StoredPolicy> levels, KnownKey key) {
        List<ApplicableBudget> all = new ArrayList<>();
        for (StoredPolicy level : levels) {
            List<Budget> budgets = level.document().budgets();
            if (budgets != null) {
                budgets.forEach(b -> all.add(new ApplicableBudget(level.scope(), b, false)));
            }
        }
        if (key != null && key.limit() != null) {
            all.add(new ApplicableBudget(PolicyScope.key(key.id()),
                    new Budget(BudgetWindow.of(key.limitReset()), key.limit(), key.includeByokInLimit()), true));
        }
        return List.copyOf(all);
    }

    /** Dollars with cents, more decimals only when the amount has them: $500.00, $0.0005. */
    public static String usd(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return "$" + amount.setScale(Math.max(2, stripped.scale()), RoundingMode.HALF_EVEN).toPlainString();
    }
}
