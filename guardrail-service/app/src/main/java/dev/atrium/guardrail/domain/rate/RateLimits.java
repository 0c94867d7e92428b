package dev.atrium.guardrail.domain.rate;

import dev.atrium.common.error.InvalidFieldException;

/** Requests and tokens per minute a level allows; a null field has no opinion. */
public record RateLimits(Integer requestsPerMinute, Integer tokensPerMinute) {

    public static final String REQUESTS_PER_MINUTE = "rate_limits.requests_per_minute";
    public static final String TOKENS_PER_MINUTE = "rate_limits.tokens_per_minute";

    public RateLimits {
        if (requestsPerMinute != null && requestsPerMinute < 1) {
            throw new InvalidFieldException(REQUESTS_PER_MINUTE, "requests_per_minute must be greater than 0");
        }
        if (tokensPerMinute != null && tokensPerMinute < 1) {
            throw new InvalidFieldException(TOKENS_PER_MINUTE, "tokens_per_minute must be greater than 0");
        }
    }
}
