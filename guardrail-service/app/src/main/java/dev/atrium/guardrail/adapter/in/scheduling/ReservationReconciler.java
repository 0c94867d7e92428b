package dev.atrium.guardrail.adapter.in.scheduling;

import dev.atrium.guardrail.application.port.in.ReconcileReservationsQuery;
import dev.atrium.guardrail.domain.budget.Reconciliation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Reconciles the reservations on a schedule and keeps the result as gauges, unlabelled so their number
 * does not grow with organizations: {@code atrium.guardrail.reservation.drift} (USD, the sum over every
 * row of |held - open reservations|), {@code atrium.guardrail.reservation.drift.organizations} (how
 * many organizations drift) and {@code atrium.guardrail.reservation.negative.rows}. All three are 0
 * while the books agree; the admin route names the organizations.
 */
@Startup
@ApplicationScoped
class ReservationReconciler {

    private static final Logger LOG = Logger.getLogger(ReservationReconciler.class);

    private final ReconcileReservationsQuery reconcile;
    private final AtomicReference<Double> drift = new AtomicReference<>(0.0);
    private final AtomicLong drifting = new AtomicLong();
    private final AtomicLong negative = new AtomicLong();

    ReservationReconciler(ReconcileReservationsQuery reconcile, MeterRegistry registry) {
        this.reconcile = reconcile;
        Gauge.builder("atrium.guardrail.reservation.drift", drift, AtomicReference::get)
                .description("Sum over held rows of |held - what open reservations hold|, in USD")
                .register(registry);
        Gauge.builder("atrium.guardrail.reservation.drift.organizations", drifting, AtomicLong::get)
                .description("Organizations whose held amounts differ from their open reservations")
                .register(registry);
        Gauge.builder("atrium.guardrail.reservation.negative.rows", negative, AtomicLong::get)
                .description("Held rows below zero").register(registry);
    }

    @Scheduled(every = "${atrium.guardrail.reconciliation-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        Reconciliation r;
        try {
            r = reconcile.reconcile();
        } catch (RuntimeException e) {
            LOG.debugf("Could not reconcile the reservations: %s", e.getMessage());
            return;
        }
        drift.set(r.drift().doubleValue());
        drifting.set(r.organizationsWithDrift());
        negative.set(r.negativeRows());
        if (!r.balanced()) {
            LOG.warnf("Reservations drift: %s USD over %d organizations (%d negative rows); see"
                    + " GET /api/v1/admin/reservations/reconciliation", r.drift().toPlainString(),
                    r.organizationsWithDrift(), r.negativeRows());
        }
    }
}
