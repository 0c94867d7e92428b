package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** One generation's cost, charged to its key once. */
public record UsageEntry(String generationId, String keyId, String workspaceId, String organizationId,
        BigDecimal cost, boolean byok, Instant createdAt) {

    public UsageEntry {
        cost = Money.of(cost);
    }
}
