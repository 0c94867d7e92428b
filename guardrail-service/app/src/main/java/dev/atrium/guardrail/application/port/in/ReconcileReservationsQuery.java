package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.budget.Reconciliation;

/** Proves, for every organization, that what is held equals what open reservations hold, and nothing is negative. */
public interface ReconcileReservationsQuery {

    Reconciliation reconcile();
}
