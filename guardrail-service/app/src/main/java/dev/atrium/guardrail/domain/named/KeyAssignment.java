package dev.atrium.guardrail.domain.named;

import java.time.Instant;

/** A key governed by a guardrail; a key holds at most one (assigning another replaces it). */
public record KeyAssignment(String id, String keyId, String guardrailId, String assignedBy, Instant createdAt) {
}
