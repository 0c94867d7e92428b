package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.Money;
import dev.atrium.common.error.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Books generations' usage: stores each and debits its cost (or, when the workspace's own provider
 * key paid, the BYOK fee on it), once per generation id.
 */
public interface RecordUsageUseCase {

    UsageOutcome record(RecordUsageCommand command);

    /** Books a batch in one transaction: all of it or, on failure, none of it. */
    BatchOutcome recordAll(List<RecordUsageCommand> commands);

    enum UsageOutcome {
        RECORDED, DUPLICATE
    }

    /** @param duplicates generations booked earlier, or repeated within the batch */
    record BatchOutcome(int recorded, int duplicates) {
    }

    record RecordUsageCommand(Generation generation) {

        /** @param receivedAt stands in for a missing {@code createdAt} */
        public static RecordUsageCommand of(String generationId, String organizationId, String workspaceId,
                String keyId, String ownerUserId, String model, String provider, long promptTokens,
                long completionTokens, BigDecimal cost, boolean byok, long latencyMs, String policyRevision,
                Instant createdAt, Instant receivedAt) {
            if (cost == null || cost.signum() < 0) {
                throw new InvalidFieldException("cost", "cost must be a number of at least 0");
            }
            if (cost.compareTo(Money.MAX_AMOUNT) > 0) {
                throw new InvalidFieldException("cost", "cost is implausibly large");
            }
            return new RecordUsageCommand(new Generation(
                    Fields.id("generation_id", generationId),
                    Fields.id("organization_id", organizationId),
                    Fields.optional("workspace_id", workspaceId, Fields.MAX_ID),
                    Fields.optional("key_id", keyId, Fields.MAX_ID),
                    Fields.optional("owner_user_id", ownerUserId, Fields.MAX_ID),
                    InvalidFieldException.requireText("model", model, 200),
                    Fields.optional("provider", provider, 200),
                    Fields.notNegative("prompt_tokens", promptTokens),
                    Fields.notNegative("completion_tokens", completionTokens),
                    Money.of(cost),
                    byok,
                    null,
                    Fields.notNegative("latency_ms", latencyMs),
                    Fields.optional("policy_revision", policyRevision, Fields.MAX_ID),
                    createdAt != null ? createdAt : receivedAt));
        }
    }
}
