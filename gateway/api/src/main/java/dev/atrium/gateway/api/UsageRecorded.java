package dev.atrium.gateway.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One generation's usage, published once on {@value GatewayEvents#USAGE_TOPIC}, keyed by
 * organization id. {@code cost} is computed here, once (tokens x the quoted per-token prices);
 * billing and guardrail copy it.
 */
public record UsageRecorded(
        String generationId,
        String organizationId,
        String workspaceId,
        String keyId,
        String ownerUserId,
        String model,
        String provider,
        String upstreamModel,
        long promptTokens,
        long completionTokens,
        BigDecimal promptPrice,
        BigDecimal completionPrice,
        BigDecimal cost,
        boolean byok,
        String reservationId,
        String policyRevision,
        long latencyMs,
        boolean stream,
        String finishReason,
        Instant createdAt) {
}
