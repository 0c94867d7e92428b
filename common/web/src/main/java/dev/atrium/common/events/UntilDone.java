package dev.atrium.common.events;

import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The effect of a consumed Kafka record, tried until it succeeds: a database or a broker that comes
 * back is picked up without a restart, and the record's offset is not committed meanwhile, so
 * nothing is skipped. Waits 1 s, then doubles up to 30 s between tries. SmallRye keeps polling
 * (partitions paused) while a blocking consumer waits, so the consumer stays in its group.
 * Records that can never succeed are the consumer's to skip before this (unreadable ones are).
 */
public final class UntilDone {

    private static final Logger LOG = Logger.getLogger(UntilDone.class);
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private UntilDone() {
    }

    public static void run(String what, Runnable effect) {
        get(what, () -> {
            effect.run();
            return null;
        });
    }

    public static <T> T get(String what, Supplier<T> effect) {
        return get(what, effect, FIRST_WAIT, MAX_WAIT);
    }

    static <T> T get(String what, Supplier<T> effect, Duration firstWait, Duration maxWait) {
        long wait = firstWait.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                T result = effect.get();
                if (attempt > 1) {
                    LOG.infof("%s succeeded at attempt %d", what, attempt);
                }
                return result;
            } catch (RuntimeException e) {
                LOG.warnf("%s failed (attempt %d), trying again in %d ms: %s", what, attempt, wait, e.toString());
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while retrying: " + what, e);
            }
            wait = Math.min(wait * 2, maxWait.toMillis());
        }
    }
}
