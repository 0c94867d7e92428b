package dev.atrium.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Management-key resolutions, found or refused, kept for a short time only: a revoked key or a removed
 * admin is refused within that time, while a script's burst of calls asks workspace-service once.
 */
final class RecentResolutions {

    private static final int CAPACITY = 10_000;

    private final Clock clock;
    private final Duration keep;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    RecentResolutions(Clock clock, Duration keep) {
        this.clock = clock;
        this.keep = keep;
    }

    /** Empty when unknown or stale; an empty inner Optional when the key was refused. */
    Optional<Optional<ManagementKeyIdentity>> find(String secret) {
        Entry entry = entries.get(secret);
        if (entry == null || !clock.instant().isBefore(entry.until())) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(entry.identity()));
    }

    void remember(String secret, ManagementKeyIdentity identity) {
        Instant now = clock.instant();
        if (entries.size() >= CAPACITY) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= CAPACITY) {
                entries.clear();
            }
        }
        entries.put(secret, new Entry(identity, now.plus(keep)));
    }

    private record Entry(ManagementKeyIdentity identity, Instant until) {
    }
}
