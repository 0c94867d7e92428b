package dev.atrium.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;

final class Waits {

    private Waits() {
    }

    /** Polls until the condition holds, the process died, or the time is up. */
    static boolean until(BooleanSupplier condition, Process process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (process != null && !process.isAlive()) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
