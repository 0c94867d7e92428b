package dev.atrium.billing.adapter.out.metrics;

import dev.atrium.billing.application.port.out.BillingMetrics;
import dev.atrium.common.transaction.TransactionHooks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final TransactionHooks transactions;

    MicrometerBillingMetrics(MeterRegistry registry, TransactionHooks transactions) {
        this.transactions = transactions;
        Gauge.builder("atrium.billing.invariant.violations", violations, AtomicInteger::get)
                .description("Organizations whose books did not hold at the last invariant check")
                .register(registry);
        this.recorded = usageRecords(registry, "recorded");
        this.duplicates = usageRecords(registry, "duplicate");
    }

    @Override
    public void usageProcessed(int recordedCount, int duplicateCount) {
        // counted only once the records' transaction committed
        transactions.afterCommit(() -> {
            recorded.increment(recordedCount);
            duplicates.increment(duplicateCount);
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
