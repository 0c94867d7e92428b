package dev.atrium.local.simulator;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How one simulated provider misbehaves. The defaults answer at once, never fail and write
 * {@value #DEFAULT_COMPLETION_TOKENS} completion tokens.
 *
 * @param latencyMs        delay before the answer, or before the first byte of a stream
 * @param errorRate        share of requests answered 500, between 0 and 1
 * @param status           HTTP error code forced on every request, or null
 * @param tokensPerSecond  generation speed; 0 means as fast as possible
 * @param completionTokens words written when the request sets no lower limit
 * @param dropAfterChunks  stream frames written before the connection is cut, or null
 * @param hang             hold every request unanswered until the setting changes
 * @param ignoreMaxTokens  write {@code completionTokens} whatever max_tokens the request sets, as a provider
 *                         that does not honour it would
 */
record ProviderBehaviour(long latencyMs, double errorRate, Integer status, double tokensPerSecond,
                         int completionTokens, Integer dropAfterChunks, boolean hang, boolean ignoreMaxTokens) {

    static final int DEFAULT_COMPLETION_TOKENS = 16;

    static final ProviderBehaviour DEFAULTS =
            new ProviderBehaviour(0, 0, null, 0, DEFAULT_COMPLETION_TOKENS, null, false, false);

    ProviderBehaviour {
        require(latencyMs >= 0, "latency_ms must be 0 or more");
        require(errorRate >= 0 && errorRate <= 1, "error_rate must be between 0 and 1");
        require(status == null || (status >= 400 && status <= 599),
                "status must be null or an HTTP error code between 400 and 599");
        require(tokensPerSecond >= 0 && Double.isFinite(tokensPerSecond), "tokens_per_second must be 0 or more");
        require(completionTokens >= 0, "completion_tokens must be 0 or more");
        require(dropAfterChunks == null || dropAfterChunks >= 0, "drop_after_chunks must be null or 0 or more");
    }

    /** Draws whether this request is one of the randomly failing ones. */
    boolean failsNow() {
        return errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate;
    }

    /** Time one token takes at the configured speed; 0 when unpaced. */
    long nanosPerToken() {
        return tokensPerSecond > 0 ? (long) (1_000_000_000d / tokensPerSecond) : 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
