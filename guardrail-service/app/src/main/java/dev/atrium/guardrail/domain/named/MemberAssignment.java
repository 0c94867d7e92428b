package dev.atrium.guardrail.domain.named;

import java.time.Instant;

/**
 * A member governed by a guardrail across the organization's workspaces (their keys' requests); a member
 * holds at most one (assigning another replaces it).
 */
public record MemberAssignment(String id, String organizationId, String userId, String guardrailId,
        String assignedBy, Instant createdAt) {
}
