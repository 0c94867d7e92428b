package dev.atrium.workspace.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One management change: who, what, on which target, when, and the target before and after
 * (secrets masked before they get here). {@code id} is null until stored.
 */
public record AuditEntry(Long id, String organizationId, String workspaceId, String actor, String action,
        String targetType, String targetId, Map<String, Object> before, Map<String, Object> after,
        Instant occurredAt) {
}
