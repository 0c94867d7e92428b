package dev.atrium.guardrail.api;

import java.time.Duration;

/**
 * The buckets of a check's latency histogram, the same on both sides of the call: the gateway's
 * {@code atrium_gateway_check_latency_seconds} (as the request waits) and guardrail's
 * {@code atrium_guardrail_check_latency_seconds} (the decision alone) then compare bucket by bucket, the
 * difference being the hop, batching and queueing.
 */
public final class CheckLatency {

    private CheckLatency() {
    }

    /** A new array each time, so that no caller can change another's. */
    public static Duration[] buckets() {
        return new Duration[] {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};
    }
}
