package dev.atrium.routing.application.port.in;

import dev.atrium.routing.domain.EndpointStats;
import java.time.Instant;
import java.util.List;

public interface ProviderStatsQuery {

    /** Every endpoint that saw attempts in the window, by provider then model. */
    RecentStats recent();

    record RecentStats(Instant since, List<EndpointStats> endpoints) {
    }
}
