package dev.atrium.guardrail.domain.tenancy;

import dev.atrium.workspace.api.LimitReset;
import java.math.BigDecimal;

/** An API key as workspace events told us; its limit is the key's own budget (null: none). */
public record KnownKey(String id, String workspaceId, String organizationId, String ownerUserId, BigDecimal limit,
        LimitReset limitReset, boolean includeByokInLimit) {
}
