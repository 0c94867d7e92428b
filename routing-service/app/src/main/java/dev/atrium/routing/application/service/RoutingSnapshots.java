package dev.atrium.routing.application.service;

import dev.atrium.routing.application.port.out.CatalogRepository;
import dev.atrium.routing.application.port.out.ProviderAttemptRepository;
import dev.atrium.routing.config.CatalogConfig;
import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.EndpointStats;
import dev.atrium.routing.domain.LiveStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The catalogue and live statistics route plans read, reloaded at most once per TTL: plans are on
 * the gateway's hot path, and a few seconds' staleness in prices or percentiles is harmless.
 * Only a reload opens a transaction: a plan served from the snapshot touches no database.
 */
@ApplicationScoped
public class RoutingSnapshots {

    private final CatalogRepository catalogs;
    private final ProviderAttemptRepository attempts;
    private final BaseUrlTemplate baseUrls;
    private final Clock clock;
    private final Duration ttl;
    private volatile Snapshot current;

    public RoutingSnapshots(CatalogRepository catalogs, ProviderAttemptRepository attempts, BaseUrlTemplate baseUrls,
            Clock clock, CatalogConfig config) {
        this.catalogs = catalogs;
        this.attempts = attempts;
        this.baseUrls = baseUrls;
        this.clock = clock;
        this.ttl = config.snapshotTtl();
    }

    public Snapshot current() {
        Instant now = clock.instant();
        Snapshot snapshot = current;
        if (snapshot != null && now.isBefore(snapshot.takenAt().plus(ttl))) {
            return snapshot;
        }
        synchronized (this) {
            snapshot = current;
            if (snapshot == null || !now.isBefore(snapshot.takenAt().plus(ttl))) {
                snapshot = load(now);
                current = snapshot;
            }
            return snapshot;
        }
    }

    /** Not private, so the transaction interceptor sees the call from {@link #current()}. */
    @Transactional
    Snapshot load(Instant now) {
        return new Snapshot(baseUrls.applyTo(catalogs.load()),
                LiveStats.of(attempts.statsSince(now.minus(EndpointStats.WINDOW))), now);
    }

    /** The next plan reads the database again: after a catalogue edit on this instance. */
    public void invalidate() {
        current = null;
    }

    public record Snapshot(Catalog catalog, LiveStats stats, Instant takenAt) {
    }
}
