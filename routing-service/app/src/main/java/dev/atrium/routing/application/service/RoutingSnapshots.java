package dev.atrium.routing.application.service;

import dev.atrium.routing.application.port.out.CatalogRepository;
import dev.atrium.routing.application.port.out.ProviderAttemptRepository;
import dev.atrium.routing.config.CatalogConfig;
import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.EndpointStats;
import dev.atrium.routing.domain.LiveStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The catalogue and live statistics route plans read, reloaded at most once per TTL: plans are on
 * the gateway's hot path, and a few seconds' staleness in prices or percentiles is harmless.
 * Only a reload opens a transaction: a plan served from the snapshot touches no database. Once a
 * snapshot exists, an expired one keeps being served while one background reload replaces it: a plan
 * that reloaded inline (the catalogue and the statistics, read from the database) held every other
 * plan behind it, 100-250 ms every TTL under load.
 */
@ApplicationScoped
public class RoutingSnapshots {

    private static final Logger LOG = Logger.getLogger(RoutingSnapshots.class);

    private final CatalogRepository catalogs;
    private final ProviderAttemptRepository attempts;
    private final BaseUrlTemplate baseUrls;
    private final Clock clock;
    private final Duration ttl;
    private final Executor refresher;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot current;

    @Inject
    public RoutingSnapshots(CatalogRepository catalogs, ProviderAttemptRepository attempts, BaseUrlTemplate baseUrls,
            Clock clock, CatalogConfig config) {
        this(catalogs, attempts, baseUrls, clock, config, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "routing-snapshot-refresh");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** @param refresher runs background reloads ({@code Runnable::run} in tests: reload within the call) */
    public RoutingSnapshots(CatalogRepository catalogs, ProviderAttemptRepository attempts, BaseUrlTemplate baseUrls,
            Clock clock, CatalogConfig config, Executor refresher) {
        this.refresher = refresher;
        this.catalogs = catalogs;
        this.attempts = attempts;
        this.baseUrls = baseUrls;
        this.clock = clock;
        this.ttl = config.snapshotTtl();
    }

    public Snapshot current() {
        Instant now = clock.instant();
        Snapshot snapshot = current;
        if (snapshot != null) {
            if (!now.isBefore(snapshot.takenAt().plus(ttl))) {
                refreshInBackground();
            }
            return snapshot;
        }
        synchronized (this) {
            if (current == null) {
                current = load(now);
            }
            return current;
        }
    }

    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    current = load(clock.instant());
                } catch (RuntimeException e) {
                    LOG.warnf("Reloading the routing snapshot failed; plans keep the previous one: %s", e.toString());
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RuntimeException e) {
            refreshing.set(false);
            throw e;
        }
    }

    /** Not private, so the transaction interceptor sees the calls from this class. */
    @Transactional
    Snapshot load(Instant now) {
        return new Snapshot(baseUrls.applyTo(catalogs.load()),
                LiveStats.of(attempts.statsSince(now.minus(EndpointStats.WINDOW))), now);
    }

    /** The next plan reads the database again, and waits for it: after a catalogue edit on this instance. */
    public void invalidate() {
        current = null;
    }

    public record Snapshot(Catalog catalog, LiveStats stats, Instant takenAt) {
    }
}
