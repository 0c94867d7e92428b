package dev.atrium.gateway.application.port.out;

import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;

public interface UsagePublisher {

    /** One record per generation, keyed by organization. */
    void usageRecorded(UsageRecorded usage);

    void providerAttempted(ProviderAttempt attempt);

    /**
     * Whether every usage record of this instance's earlier lives (left in its spool by a crash or a stop) has
     * reached Kafka: until then a hold of theirs may still be settled by one. A publisher that keeps
     * nothing across starts has nothing left.
     */
    default boolean previousLifeSent() {
        return true;
    }
}
