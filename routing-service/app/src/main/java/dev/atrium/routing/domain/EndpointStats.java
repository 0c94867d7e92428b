package dev.atrium.routing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One endpoint's recent record, from the gateway's provider attempts.
 *
 * @param latencyP50          ms to the first token (the whole call when the attempt did not stream), successes only; null without data
 * @param throughputP50       completion tokens per second of the whole call, successes only; null without data
 * @param consecutiveFailures failed attempts since the last success in the window
 * @param lastFailureAt       the latest failed attempt in the window; null without one
 */
public record EndpointStats(String provider, String model, long requests, long successes, Double latencyP50,
        Double latencyP90, Double throughputP50, long consecutiveFailures, Instant lastFailureAt) {

    /** How far back the live statistics look. */
    public static final Duration WINDOW = Duration.ofMinutes(30);

    /**
     * The most attempts of one endpoint the statistics look at: its latest ones in the window. Enough for
     * a p90; a busy endpoint's statistics then cost the same as a quiet one's.
     */
    public static final int LATEST_ATTEMPTS = 500;

    /** Failures in a row that take an endpoint out of load balancing until it succeeds again. */
    public static final int OUTAGE_FAILURES = 3;

    public EndpointStats(String provider, String model, long requests, long successes, Double latencyP50,
            Double latencyP90, Double throughputP50, long consecutiveFailures) {
        this(provider, model, requests, successes, latencyP50, latencyP90, throughputP50, consecutiveFailures, null);
    }

    /** Successes over requests, 0..1. */
    public double uptime() {
        return requests == 0 ? 1.0 : (double) successes / requests;
    }

    public boolean inOutage() {
        return consecutiveFailures >= OUTAGE_FAILURES;
    }

    /** OpenRouter's endpoint status: 0 when serving, -1 in an outage. */
    public int status() {
        return inOutage() ? -1 : 0;
    }
}
