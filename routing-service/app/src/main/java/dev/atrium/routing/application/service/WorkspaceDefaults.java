package dev.atrium.routing.application.service;

import dev.atrium.routing.application.port.out.WorkspaceRoutingRepository;
import dev.atrium.routing.config.CatalogConfig;
import dev.atrium.routing.domain.PreferenceLayer;
import dev.atrium.routing.domain.WorkspaceRouting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspaces' routing defaults as plans read them, each kept for the snapshot TTL (plans are on
 * the hot path); a change on this instance applies at once. Only a miss opens a transaction.
 */
@ApplicationScoped
public class WorkspaceDefaults {

    private final WorkspaceRoutingRepository routings;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public WorkspaceDefaults(WorkspaceRoutingRepository routings, Clock clock, CatalogConfig config) {
        this.routings = routings;
        this.clock = clock;
        this.ttl = config.snapshotTtl();
    }

    /** The defaults of the workspace; no opinion for none or an unknown workspace. */
    public PreferenceLayer of(String workspaceId) {
        if (workspaceId == null || workspaceId.isBlank()) {
            return PreferenceLayer.EMPTY;
        }
        Instant now = clock.instant();
        Cached cached = cache.get(workspaceId);
        if (cached != null && now.isBefore(cached.readAt().plus(ttl))) {
            return cached.preferences();
        }
        PreferenceLayer read = read(workspaceId);
        cache.put(workspaceId, new Cached(read, now));
        return read;
    }

    /** Not private, so the transaction interceptor sees the call from {@link #of(String)}. */
    @Transactional
    PreferenceLayer read(String workspaceId) {
        return routings.routingOf(workspaceId).map(WorkspaceRouting::preferences).orElse(PreferenceLayer.EMPTY);
    }

    public void invalidate(String workspaceId) {
        cache.remove(workspaceId);
    }

    private record Cached(PreferenceLayer preferences, Instant readAt) {
    }
}
