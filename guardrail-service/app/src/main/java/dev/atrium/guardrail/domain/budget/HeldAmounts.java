package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.Money;
import java.math.BigDecimal;

/**
 * What an organization's rows hold (its credit row's and its spend counters' {@code reserved}) and what
 * its open reservations hold on those rows. {@code drift} sums each row's |held - open|, so two rows
 * that drifted opposite ways do not cancel; {@code negativeRows} counts rows holding less than zero.
 */
public record HeldAmounts(String organizationId, BigDecimal held, BigDecimal openReservations, BigDecimal drift,
        long negativeRows) {

    public HeldAmounts {
        held = Money.of(held);
        openReservations = Money.of(openReservations);
        drift = Money.of(drift);
    }

    public boolean drifted() {
        return drift.signum() != 0 || negativeRows > 0;
    }
}
