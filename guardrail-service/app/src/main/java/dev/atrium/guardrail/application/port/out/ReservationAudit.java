package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.budget.HeldAmounts;
import java.util.List;

/** Reads what is held against what open reservations hold, for the reconciliation. */
public interface ReservationAudit {

    /**
     * One line per organization that holds anything or has an open reservation, read in one snapshot
     * (concurrent holds and give-backs are seen whole or not at all).
     */
    List<HeldAmounts> heldByOrganization();
}
