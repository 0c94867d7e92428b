package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.ReconcileReservationsQuery;
import dev.atrium.guardrail.application.port.out.ReservationAudit;
import dev.atrium.guardrail.domain.budget.Reconciliation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

@ApplicationScoped
public class ReconciliationService implements ReconcileReservationsQuery {

    private final ReservationAudit audit;
    private final Clock clock;

    public ReconciliationService(ReservationAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Reconciliation reconcile() {
        Instant checkedAt = clock.instant();
        return Reconciliation.of(audit.heldByOrganization(), checkedAt);
    }
}
