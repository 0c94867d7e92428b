package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One generation as the gateway recorded it; the cost is the gateway's, copied. */
public record Generation(
        String id,
        String organizationId,
        String workspaceId,
        String keyId,
        String ownerUserId,
        String model,
        String provider,
        long tokensPrompt,
        long tokensCompletion,
        BigDecimal cost,
        boolean byok,
        long latencyMs,
        String policyRevision,
        Instant createdAt) {
}
