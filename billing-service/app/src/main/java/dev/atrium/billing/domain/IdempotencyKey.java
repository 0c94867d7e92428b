package dev.atrium.billing.domain;

import java.time.Duration;
import java.time.Instant;

/** Stripe's rules for the {@code Idempotency-Key} header: 1-255 printable characters, kept 24 hours. */
public final class IdempotencyKey {

    public static final Duration RETENTION = Duration.ofHours(24);
    private static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    public static boolean isWellFormed(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /** Keys created at or before this instant have expired and may be used again. */
    public static Instant expiredBefore(Instant now) {
        return now.minus(RETENTION);
    }
}
