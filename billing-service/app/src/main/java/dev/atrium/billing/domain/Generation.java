package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One generation as the gateway recorded it; the cost is the gateway's, copied: what the upstream
 * provider charged at the quoted prices.
 *
 * @param byok    the workspace's own provider key paid the upstream cost
 * @param byokFee for a BYOK generation, the fee the organization's credits are debited instead of
 *                the cost (possibly 0); null when the cost itself is debited: a generation on the
 *                platform's credentials, or a BYOK one booked before BYOK fees existed
 */
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
        BigDecimal byokFee,
        long latencyMs,
        String policyRevision,
        Instant createdAt) {

    public Generation {
        if (byokFee != null && !byok) {
            throw new IllegalArgumentException("generation " + id + " has a BYOK fee but was not BYOK");
        }
    }

    /** This generation with its BYOK fee settled; only for BYOK generations. */
    public Generation withByokFee(BigDecimal fee) {
        if (!byok) {
            throw new IllegalStateException("generation " + id + " was not paid by the workspace's own key");
        }
        return new Generation(id, organizationId, workspaceId, keyId, ownerUserId, model, provider, tokensPrompt,
                tokensCompletion, cost, true, Money.of(fee), latencyMs, policyRevision, createdAt);
    }

    /** What the organization's credits are debited for this generation. */
    public BigDecimal charge() {
        return byokFee != null ? byokFee : cost;
    }

    /** The kind of the ledger transaction that debits {@link #charge()}. */
    public TransactionKind chargeKind() {
        return byokFee != null ? TransactionKind.BYOK_FEE : TransactionKind.USAGE;
    }
}
