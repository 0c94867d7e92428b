package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The proof that every hold is accounted for: for every organization, what its rows hold equals what
 * its open reservations hold, and nothing is negative. {@code drifting} lists only the organizations
 * where that fails; the totals cover every organization.
 */
public record Reconciliation(Instant checkedAt, int organizations, BigDecimal held, BigDecimal openReservations,
        BigDecimal drift, int organizationsWithDrift, long negativeRows, List<HeldAmounts> drifting) {

    public static Reconciliation of(List<HeldAmounts> all, Instant checkedAt) {
        BigDecimal held = Money.ZERO;
        BigDecimal open = Money.ZERO;
        BigDecimal drift = Money.ZERO;
        long negative = 0;
        for (HeldAmounts h : all) {
            held = held.add(h.held());
            open = open.add(h.openReservations());
            drift = drift.add(h.drift());
            negative += h.negativeRows();
        }
        List<HeldAmounts> drifting = all.stream().filter(HeldAmounts::drifted).toList();
        return new Reconciliation(checkedAt, all.size(), held, open, drift, drifting.size(), negative, drifting);
    }

    public boolean balanced() {
        return drifting.isEmpty();
    }
}
