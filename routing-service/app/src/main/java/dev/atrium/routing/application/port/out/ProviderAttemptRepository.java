package dev.atrium.routing.application.port.out;

import dev.atrium.routing.domain.Attempt;
import dev.atrium.routing.domain.EndpointStats;
import java.time.Instant;
import java.util.List;

public interface ProviderAttemptRepository {

    /** Stores the attempt; false when its event id was stored before. */
    boolean add(Attempt attempt);

    /**
     * Adds a batch in the caller's transaction, skipping repeated event ids; the number added. Statistics
     * only: the transaction may commit without waiting for the disk (a crash loses the last moments of
     * statistics, never money), which is what lets routing keep up with the gateway.
     */
    int addAll(java.util.List<Attempt> attempts);

    /** Per endpoint that saw attempts at or after {@code since}, by provider then model. */
    List<EndpointStats> statsSince(Instant since);

    /** Deletes the attempts made before {@code cutoff}; how many went. */
    int deleteBefore(Instant cutoff);
}
