package dev.atrium.common.security;

import dev.atrium.common.cache.KeptValues;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Management-key resolutions, found or refused, kept for a short time only: a revoked key or a removed
 * admin is refused within that time, while a script's burst of calls asks workspace-service once. Kept
 * in the services' one cache facility ({@link KeptValues}).
 */
final class RecentResolutions {

    private static final int CAPACITY = 10_000;

    private final KeptValues<String, Optional<ManagementKeyIdentity>> kept;

    RecentResolutions(Clock clock, Duration keep) {
        this.kept = KeptValues.keptFor(CAPACITY, keep, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    /** Empty when unknown or stale; an empty inner Optional when the key was refused. */
    Optional<Optional<ManagementKeyIdentity>> find(String secret) {
        return Optional.ofNullable(kept.find(secret));
    }

    void remember(String secret, ManagementKeyIdentity identity) {
        kept.keep(secret, Optional.ofNullable(identity), kept.generation(), kept.now());
    }
}
