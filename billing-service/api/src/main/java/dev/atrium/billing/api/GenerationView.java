package dev.atrium.billing.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A generation as billing recorded it: {@code GET /api/v1/generations/{id}} and the internal twin.
 *
 * @param totalCost what the upstream provider charged at the quoted prices, also when the
 *                  workspace's own key paid it
 * @param byok      the workspace's own provider key paid the upstream cost
 * @param byokFee   what the organization's credits were debited instead of the cost for a BYOK
 *                  generation; null when the cost itself was debited
 */
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
        Instant createdAt,
        boolean byok,
        BigDecimal byokFee) {

    /** A generation on the platform's credentials, for callers built before BYOK fees. */
    public GenerationView(String id, String organizationId, String model, String providerName, long tokensPrompt,
            long tokensCompletion, BigDecimal totalCost, long latency, String workspaceId, String keyId,
            String policyRevision, Instant createdAt) {
        this(id, organizationId, model, providerName, tokensPrompt, tokensCompletion, totalCost, latency, workspaceId,
                keyId, policyRevision, createdAt, false, null);
    }
}
