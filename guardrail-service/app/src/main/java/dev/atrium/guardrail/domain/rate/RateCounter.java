package dev.atrium.guardrail.domain.rate;

import dev.atrium.guardrail.domain.policy.Level;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * Requests and tokens of one scope in one 10-second bucket (UTC). A rate limit counts a sliding window: the
 * current bucket and the {@value #PREVIOUS_BUCKETS} before it (60 to 70 s). Every 60 s stretch that ends with
 * an admitted request lies within the window that request was counted against, so no 60 s stretch ever admits
 * more than the limit, at a minute's boundary or anywhere else. Locked in this order to avoid deadlocks.
 *
 * @param bucketStart stored as {@code rate_counter.minute_start} (the column predates the buckets)
 */
public record RateCounter(Level level, String scopeId, Instant bucketStart) implements Comparable<RateCounter> {

    public static final Duration BUCKET = Duration.ofSeconds(10);
    /** Buckets before the current one that a window counts; the SQL's {@code interval '60 seconds'} says the same. */
    public static final int PREVIOUS_BUCKETS = 6;
    /** How long a bucket stays in the windows that count it. */
    public static final Duration WINDOW = BUCKET.multipliedBy(PREVIOUS_BUCKETS + 1);

    private static final Comparator<RateCounter> ORDER = Comparator.comparing((RateCounter c) -> c.level().wire())
            .thenComparing(RateCounter::scopeId).thenComparing(RateCounter::bucketStart);

    public static RateCounter of(PolicyScope scope, Instant at) {
        return new RateCounter(scope.level(), scope.id(), bucketOf(at));
    }

    public static Instant bucketOf(Instant at) {
        long seconds = BUCKET.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    /**
     * Whole seconds until the oldest bucket the window counted leaves it (when the next bucket starts if that
     * is not known), at least 1: the earliest moment a refused request may fit.
     */
    public static int retryAfterSeconds(Instant at, Instant oldestCounted) {
        Instant free = oldestCounted != null ? oldestCounted.plus(WINDOW) : bucketOf(at).plus(BUCKET);
        long millis = Duration.between(at, free).toMillis();
        return (int) Math.max(1, (millis + 999) / 1000);
    }

    /** Whether this bucket lies in the window that ends with bucket {@code current}. */
    public boolean countsFor(RateCounter current) {
        return level == current.level && scopeId.equals(current.scopeId) && !bucketStart.isAfter(current.bucketStart)
                && bucketStart.isAfter(current.bucketStart.minus(WINDOW));
    }

    @Override
    public int compareTo(RateCounter other) {
        return ORDER.compare(this, other);
    }
}
