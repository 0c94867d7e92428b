package dev.atrium.guardrail.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/** Requests and tokens of one scope in one UTC minute; locked in this order to avoid deadlocks. */
public record RateCounter(Level level, String scopeId, Instant minuteStart) implements Comparable<RateCounter> {

    private static final Comparator<RateCounter> ORDER = Comparator.comparing((RateCounter c) -> c.level().wire())
            .thenComparing(RateCounter::scopeId).thenComparing(RateCounter::minuteStart);

    public static RateCounter of(PolicyScope scope, Instant at) {
        return new RateCounter(scope.level(), scope.id(), at.truncatedTo(ChronoUnit.MINUTES));
    }

    /** Whole seconds until the next minute starts, at least 1. */
    public static int retryAfterSeconds(Instant at) {
        Instant next = at.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        long millis = Duration.between(at, next).toMillis();
        return (int) Math.max(1, (millis + 999) / 1000);
    }

    @Override
    public int compareTo(RateCounter other) {
        return ORDER.compare(this, other);
    }
}
