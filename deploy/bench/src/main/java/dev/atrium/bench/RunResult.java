package dev.atrium.bench;

/**
 * One measured rate point. Latencies are taken from each request's scheduled send time, so time a
 * request spent waiting behind earlier ones counts; {@code ttfb} is only set for streaming.
 */
public record RunResult(String target, String mode, double rate, double seconds, int sent, int ok, int errors,
        double achievedRps, Percentiles latency, Percentiles ttfb, String firstError) {

    public boolean allSucceeded() {
        return errors == 0 && ok == sent;
    }
}
