package dev.atrium.guardrail.api;

import java.util.List;

/** {@code POST /internal/v1/checks}: may this key send this request? */
public record CheckRequest(
        String organizationId,
        String workspaceId,
        String keyId,
        String ownerUserId,
        List<String> models,
        long estimatedPromptTokens,
        Integer maxTokens) {
}
