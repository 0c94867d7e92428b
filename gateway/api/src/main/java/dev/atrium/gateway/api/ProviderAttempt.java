package dev.atrium.gateway.api;

import java.time.Instant;

/**
 * One call to one upstream endpoint, published on {@value GatewayEvents#ATTEMPTS_TOPIC} for
 * routing's live statistics.
 *
 * @param outcome {@code success}, {@code error} or {@code timeout}
 * @param status  the upstream HTTP status, 0 when no answer arrived
 */
public record ProviderAttempt(
        String generationId,
        String provider,
        String model,
        String outcome,
        int status,
        long latencyMs,
        Long timeToFirstTokenMs,
        long completionTokens,
        Instant at) {
}
