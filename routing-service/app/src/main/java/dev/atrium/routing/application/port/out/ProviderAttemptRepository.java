package dev.atrium.routing.application.port.out;

import dev.atrium.routing.domain.Attempt;
import dev.atrium.routing.domain.EndpointStats;
import java.time.Instant;
import java.util.List;

public interface ProviderAttemptRepository {

    /** Stores the attempt; false when its event id was stored before. */
    boolean add(Attempt attempt);

    /** Per endpoint that saw attempts at or after {@code since}, by provider then model. */
    List<EndpointStats> statsSince(Instant since);

    /** Deletes the attempts made before {@code cutoff}; how many went. */
    int deleteBefore(Instant cutoff);
}
