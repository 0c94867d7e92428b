package dev.atrium.billing.application.port.out;

/** What operators watch: usage records processed and organizations whose books do not hold. */
public interface BillingMetrics {

    /** Counted once the caller's transaction commits, so a rolled-back batch is not counted. */
    void usageProcessed(int recorded, int duplicates);

    void invariantViolations(int organizations);
}
