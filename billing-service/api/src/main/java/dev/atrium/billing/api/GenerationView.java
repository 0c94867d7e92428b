package dev.atrium.billing.api;

import java.math.BigDecimal;
import java.time.Instant;

/** A generation as billing recorded it: {@code GET /api/v1/generations/{id}} and the internal twin. */
public record GenerationView(
        String id,
        String organizationId,
        String model,
        String providerName,
        long tokensPrompt,
        long tokensCompletion,
        BigDecimal totalCost,
        long latency,
        String workspaceId,
        String keyId,
        String policyRevision,
        Instant createdAt) {
}
