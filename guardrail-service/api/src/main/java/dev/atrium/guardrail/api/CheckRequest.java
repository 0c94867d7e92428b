package dev.atrium.guardrail.api;

import java.util.List;

/**
 * {@code POST /internal/v1/checks}: may this key send this request? {@code text} is the request's
 * message text the content filters scan (null: nothing to scan); redaction offsets refer to it.
 * {@code dryRun} (JSON {@code dry_run}, explain): the same verdict from the counters as they stand,
 * with nothing counted, held or written, and never a reservation id.
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
        boolean dryRun) {

    public CheckRequest(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens) {
        this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, null);
    }

    public CheckRequest(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens, String text) {
        this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, text, false);
    }

    /** This check as a dry run. */
    public CheckRequest asDryRun() {
        return new CheckRequest(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens,
                maxTokens, text, true);
    }
}
