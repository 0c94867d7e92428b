package dev.atrium.gateway.application.port.out;

import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;
import java.util.concurrent.CompletionStage;

public interface UsagePublisher {

    /**
     * One record per generation, keyed by organization. The record is taken at once (the call never blocks and
     * does not depend on the returned stage being used); the stage completes when the record is durable (on disk
     * or in Kafka, so a crash of this process cannot lose it), and completes exceptionally when it could not be
     * made durable in time. The caller sends an answer's last bytes only after it completes (ADR 0024).
     */
    CompletionStage<Void> usageRecorded(UsageRecorded usage);

    /**
     * Readies the writing of a usage record (the warm-up before readiness) with a sample that is written nowhere:
     * nothing reaches the spool or Kafka, so no book hears of it.
     */
    default void warmUp(UsageRecorded sample) {
    }

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
