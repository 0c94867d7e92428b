package dev.atrium.billing.adapter.out.metrics;

import dev.atrium.billing.application.port.out.BillingMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus names: {@code atrium_billing_invariant_violations} (organizations whose books did not
 * hold at the last check) and {@code atrium_billing_usage_records_total{outcome}}. Registered at
 * startup, so both are scraped (at 0) before the first check or record.
 */
@Startup
@ApplicationScoped
class MicrometerBillingMetrics implements BillingMetrics {

    private final AtomicInteger violations = new AtomicInteger();
    private final Counter recorded;
    private final Counter duplicates;
    private final TransactionSynchronizationRegistry transactions;

    MicrometerBillingMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        Gauge.builder("atrium.billing.invariant.violations", violations, AtomicInteger::get)
                .description("Organizations whose books did not hold at the last invariant check")
                .register(registry);
        this.recorded = usageRecords(registry, "recorded");
        this.duplicates = usageRecords(registry, "duplicate");
    }

    @Override
    public void usageProcessed(int recordedCount, int duplicateCount) {
        Runnable count = () -> {
            recorded.increment(recordedCount);
            duplicates.increment(duplicateCount);
        };
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted only after the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }

    @Override
    public void invariantViolations(int organizations) {
        violations.set(organizations);
    }

    private static Counter usageRecords(MeterRegistry registry, String outcome) {
        return Counter.builder("atrium.billing.usage.records").tag("outcome", outcome)
                .description("Usage records processed: booked, or skipped as already booked").register(registry);
    }
}
