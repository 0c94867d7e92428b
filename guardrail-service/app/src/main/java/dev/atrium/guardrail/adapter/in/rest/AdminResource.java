package dev.atrium.guardrail.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.application.port.in.ReconcileReservationsQuery;
import dev.atrium.guardrail.domain.budget.HeldAmounts;
import dev.atrium.guardrail.domain.budget.Reconciliation;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The platform's own checks on guardrail's books: platform admins only. */
@Path("/api/v1/admin")
@Authenticated
class AdminResource {

    private final ReconcileReservationsQuery reconcile;
    private final SecurityIdentity caller;

    AdminResource(ReconcileReservationsQuery reconcile, SecurityIdentity caller) {
        this.reconcile = reconcile;
        this.caller = caller;
    }

    /**
     * For every organization, what its credit row and spend counters hold against what its open
     * reservations hold; lists only the organizations where they differ or something is negative.
     */
    @GET
    @Path("/reservations/reconciliation")
    public ReconciliationView reconciliation() {
        if (!Caller.isPlatformAdmin(caller)) {
            throw ApiException.forbidden("Only platform admins may reconcile reservations");
        }
        return ReconciliationView.of(reconcile.reconcile());
    }

    /**
     * @param organizations every organization that holds something or has an open reservation
     * @param drift the sum over every row of |held - open reservations|; zero when the books agree
     * @param negativeRows rows holding less than zero (the database's constraints refuse them)
     */
    record ReconciliationView(Instant checkedAt, int organizations, BigDecimal held, BigDecimal openReservations,
            BigDecimal drift, int organizationsWithDrift, long negativeRows, List<OrganizationView> data) {

        static ReconciliationView of(Reconciliation r) {
            return new ReconciliationView(r.checkedAt(), r.organizations(), r.held(), r.openReservations(), r.drift(),
                    r.organizationsWithDrift(), r.negativeRows(), r.drifting().stream().map(OrganizationView::of)
                            .toList());
        }
    }

    record OrganizationView(String organizationId, BigDecimal held, BigDecimal openReservations, BigDecimal drift,
            long negativeRows) {

        static OrganizationView of(HeldAmounts h) {
            return new OrganizationView(h.organizationId(), h.held(), h.openReservations(), h.drift(),
                    h.negativeRows());
        }
    }
}
