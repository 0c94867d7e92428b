package dev.atrium.guardrail.api;

import java.util.List;

/**
 * {@code POST /internal/v1/checks}: may this key send this request? {@code text} is the request's
 * message text the content filters scan (null: nothing to scan); redaction offsets refer to it.
 * {@code choices} is the request's {@code n} (null: one): every choice may write {@code maxTokens}, so
 * the worst case reserved counts the completion that many times.
 */
public record CheckRequest(
        String organizationId,
        String workspaceId,
        String keyId,
        String ownerUserId,
        List<String> models,
        long estimatedPromptTokens,
        Integer maxTokens,
        String text,
        Integer choices) {

    public CheckRequest(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens, String text) {
        this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, text, null);
    }

    public CheckRequest(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens) {
        this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, null);
    }
}
