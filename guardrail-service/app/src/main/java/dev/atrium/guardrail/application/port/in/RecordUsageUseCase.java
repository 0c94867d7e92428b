package dev.atrium.guardrail.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.budget.UsageEntry;
import java.math.BigDecimal;
import java.time.Instant;

public interface RecordUsageUseCase {

    /**
     * Charges a generation's cost to its key and to every budget counter of its organization,
     * workspace, member and key, and settles its reservation; false when the generation was charged before.
     */
    boolean record(RecordUsageCommand command);

    /** A polled batch in one transaction, each generation charged once; the number charged now. */
    int recordAll(java.util.List<RecordUsageCommand> commands);

    record RecordUsageCommand(UsageEntry entry, String ownerUserId, String reservationId) {

        public static RecordUsageCommand of(String generationId, String keyId, String workspaceId,
                String organizationId, BigDecimal cost, boolean byok, Instant createdAt) {
            return of(generationId, keyId, workspaceId, organizationId, null, null, cost, byok, createdAt);
        }

        public static RecordUsageCommand of(String generationId, String keyId, String workspaceId,
                String organizationId, String ownerUserId, String reservationId, BigDecimal cost, boolean byok,
                Instant createdAt) {
            if (cost == null || cost.signum() < 0) {
                throw new InvalidFieldException("cost", "cost must be a number of at least 0");
            }
            if (createdAt == null) {
                throw new InvalidFieldException("created_at", "created_at is required");
            }
            return new RecordUsageCommand(new UsageEntry(
                    InvalidFieldException.requireText("generation_id", generationId, 100),
                    InvalidFieldException.requireText("key_id", keyId, 64), workspaceId, organizationId, cost, byok,
                    createdAt), blank(ownerUserId), blank(reservationId));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
