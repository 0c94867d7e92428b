package dev.atrium.workspace.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** An issued API key; only its keyed hash is kept. */
public record ApiKey(
        String id,
        String workspaceId,
        String organizationId,
        String name,
        String prefix,
        String last4,
        String hash,
        String ownerUserId,
        BigDecimal limit,
        LimitReset limitReset,
        boolean includeByokInLimit,
        Instant expiresAt,
        boolean disabled,
        Instant createdAt) {

    /** A key works while it is enabled, unexpired and its workspace is not archived. */
    public boolean usableAt(Instant now, Workspace workspace) {
        return !disabled && !workspace.archived() && (expiresAt == null || now.isBefore(expiresAt));
    }
}
