package dev.atrium.routing.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One call the gateway made to one endpoint, identified by its event id.
 *
 * @param outcome {@code success}, {@code error} or {@code timeout}
 */
public record Attempt(String eventId, String generationId, String provider, String model, String outcome, int status,
        long latencyMs, Long timeToFirstTokenMs, long completionTokens, Instant at) {

    public Attempt {
        Ids.requireText("event id", eventId);
        Ids.requireText("provider", provider);
        Ids.requireText("model", model);
        Ids.requireText("outcome", outcome);
        Objects.requireNonNull(at, "at");
        if (latencyMs < 0 || completionTokens < 0 || (timeToFirstTokenMs != null && timeToFirstTokenMs < 0)) {
            throw new IllegalArgumentException("latencies and token counts must not be negative");
        }
    }

    public boolean succeeded() {
        return "success".equals(outcome);
    }
}
