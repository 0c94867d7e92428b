package dev.atrium.guardrail.domain.rate;

import java.time.Instant;

/**
 * What a scope sent within a rate window (a bucket alone when stored); {@code oldest} is the start of the
 * oldest bucket that counted anything, null when not known.
 */
public record RateState(long requests, long tokens, Instant oldest) {

    public static final RateState EMPTY = new RateState(0, 0);

    public RateState(long requests, long tokens) {
        this(requests, tokens, null);
    }
}
