package dev.atrium.bench;

/**
 * One closed-loop point: {@code connections} clients each sending as soon as their last answer came.
 * Latency counts from each request's send to its last byte; {@code ttfb} is only set for streaming.
 */
public record ClosedLoopResult(String target, String mode, int connections, double seconds, int ok, int errors,
        double requestsPerSecond, Percentiles latency, Percentiles ttfb, String firstError) {
}
