package dev.atrium.gateway.adapter.in.rest.warmup;

import io.smallrye.mutiny.Uni;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The end of the warm-up: its rounds leave the JIT compiler a queue of methods to compile, and on a 2-core machine
 * its threads take the CPU from the first requests after readiness (measured, 2026-12-07: the first three requests'
 * check, upstream call and usage commit each 20-100 ms slower than the hundredth's, while the compiler caught up).
 * Ready waits until the compiler has been nearly idle for a few polls in a row, or for {@link #LONGEST} at most.
 */
final class CompilerQuiet {

    private static final Duration POLL = Duration.ofMillis(100);
    /** Compilation time per poll (summed over the compiler threads) still counted as quiet. */
    private static final long QUIET_MILLIS = 5;
    private static final int QUIET_POLLS = 3;
    static final Duration LONGEST = Duration.ofSeconds(10);

    private CompilerQuiet() {
    }

    /** Completes with what was seen, for the warm-up's log line. */
    static Uni<String> await() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return Uni.createFrom().item("compiler time not measured");
        }
        long started = System.nanoTime();
        long[] last = {jit.getTotalCompilationTime()};
        int[] quiet = {0};
        return Uni.createFrom().voidItem().onItem().delayIt().by(POLL).map(ignored -> {
                    long now = jit.getTotalCompilationTime();
                    quiet[0] = now - last[0] <= QUIET_MILLIS ? quiet[0] + 1 : 0;
                    last[0] = now;
                    return quiet[0] >= QUIET_POLLS;
                })
                .repeat().until(settled -> settled).collect().last()
                .map(ignored -> "compiler quiet after " + (System.nanoTime() - started) / 1_000_000 + " ms")
                .ifNoItem().after(LONGEST).recoverWithItem("compiler still busy after " + LONGEST.toSeconds() + " s");
    }
}
