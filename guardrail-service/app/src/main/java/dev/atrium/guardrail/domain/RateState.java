package dev.atrium.guardrail.domain;

/** What a scope sent in the current minute. */
public record RateState(long requests, long tokens) {

    public static final RateState EMPTY = new RateState(0, 0);
}
