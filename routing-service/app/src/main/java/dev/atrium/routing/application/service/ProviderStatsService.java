package dev.atrium.routing.application.service;

import dev.atrium.routing.application.port.in.ProviderStatsQuery;
import dev.atrium.routing.application.port.in.PruneAttemptsUseCase;
import dev.atrium.routing.application.port.in.RecordProviderAttemptUseCase;
import dev.atrium.routing.application.port.out.ProviderAttemptRepository;
import dev.atrium.routing.domain.Attempt;
import dev.atrium.routing.domain.EndpointStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

@ApplicationScoped
public class ProviderStatsService implements ProviderStatsQuery, RecordProviderAttemptUseCase, PruneAttemptsUseCase {

    private final ProviderAttemptRepository attempts;
    private final Clock clock;

    public ProviderStatsService(ProviderAttemptRepository attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean record(Attempt attempt) {
        return attempts.add(attempt);
    }

    @Override
    @Transactional
    public int recordAll(java.util.List<Attempt> batch) {
        return attempts.addAll(batch);
    }

    @Override
    @Transactional
    public RecentStats recent() {
        Instant since = clock.instant().minus(EndpointStats.WINDOW);
        return new RecentStats(since, attempts.statsSince(since));
    }

    /** Nothing reads attempts older than the window: statistics and circuits both derive from it. */
    @Override
    @Transactional
    public int prune() {
        return attempts.deleteBefore(clock.instant().minus(EndpointStats.WINDOW));
    }
}
