package dev.atrium.guardrail.domain.named;

/** A workspace's default guardrail: {@code guardrailId} null when the workspace has none. */
public record WorkspaceDefault(String workspaceId, String guardrailId) {
}
