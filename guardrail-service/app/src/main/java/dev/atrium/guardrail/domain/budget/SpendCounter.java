package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.policy.Level;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The spend of one scope in one window: a row of its own, so each budget counts only its own
 * spend and a new window starts from zero. Rows are locked in this order to avoid deadlocks.
 */
public record SpendCounter(Level level, String scopeId, BudgetWindow window, Instant windowStart)
        implements Comparable<SpendCounter> {

    /** As the database orders rows: by the wire names, ids byte-wise. */
    private static final Comparator<SpendCounter> ORDER = Comparator.comparing((SpendCounter c) -> c.level().wire())
            .thenComparing(SpendCounter::scopeId).thenComparing(c -> c.window().wire())
            .thenComparing(SpendCounter::windowStart);

    public static SpendCounter of(PolicyScope scope, BudgetWindow window, Instant at) {
        return new SpendCounter(scope.level(), scope.id(), window, window.start(at));
    }

    /** Every counter a generation's cost adds to: each of its scopes in each window. */
    public static List<SpendCounter> charged(List<PolicyScope> scopes, Instant at) {
        List<SpendCounter> counters = new ArrayList<>();
        for (PolicyScope scope : scopes) {
            for (BudgetWindow window : BudgetWindow.values()) {
                counters.add(of(scope, window, at));
            }
        }
        return counters;
    }

    @Override
    public int compareTo(SpendCounter other) {
        return ORDER.compare(this, other);
    }
}
