package dev.atrium.local.simulator;

import java.util.concurrent.TimeUnit;

/** Sleeps that give up the connection when the simulator shuts down underneath them. */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) throws ConnectionAborted {
        if (millis > 0) {
            until(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
        }
    }

    /** Sleeps until a {@link System#nanoTime()} deadline, so paced frames do not drift. */
    static void until(long deadlineNanos) throws ConnectionAborted {
        long remaining = deadlineNanos - System.nanoTime();
        try {
            while (remaining > 0) {
                TimeUnit.NANOSECONDS.sleep(remaining);
                remaining = deadlineNanos - System.nanoTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionAborted();
        }
    }
}
