package dev.atrium.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/**
 * The steps every fault test takes around its fault, under {@link Load}: wait for the answers (or refusals)
 * that show what the stack does, kill a process of the shared stack, start it again. Instants are
 * {@code System.nanoTime()}, as the load's outcomes record them.
 */
final class Faults {

    /** The first answers through cold services on a busy machine may be slow or time out. */
    static final Duration FIRST_ANSWERS = Duration.ofSeconds(120);

    private Faults() {
    }

    /** {@code count} more answers within {@code within}, else the test fails with {@code what}. */
    static void awaitAnswers(Load load, int count, Duration within, String what) {
        assertThat(load.await(Load.Outcome::answered, count, within)).as(what).isTrue();
    }

    /** {@code count} more refusals (5xx) within {@code within}: the gateway failing closed while a part is away. */
    static void awaitRefusals(Load load, int count, Duration within, String what) {
        assertThat(load.await(o -> o.status() >= 500, count, within)).as(what).isTrue();
    }

    /** SIGKILL to the process; when it was sent and when the process was gone. */
    static Kill kill(String process) {
        long killing = System.nanoTime();
        SharedStack.get().kill(process);
        return new Kill(killing, System.nanoTime());
    }

    /** Starts the process again and waits until it is ready; returns when it was. */
    static long restart(String process) {
        SharedStack.get().restart(process);
        return System.nanoTime();
    }

    record Kill(long killing, long killed) {
    }
}
