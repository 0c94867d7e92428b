package dev.atrium.guardrail.api;

import java.util.List;

/**
 * {@code POST /internal/v1/checks}: may this key send this request? {@code text} is the request's
 * message text the content filters scan (null: nothing to scan); redaction offsets refer to it.
 * {@code reservationId} ({@code res_} and 32 hex digits), when given, is the id a hold this check
 * takes will have: a caller that gives up on the answer (a timeout) can still release what the check
 * may have held, instead of leaving it until the reservation's time runs out.
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
        String reservationId) {

    public CheckRequest(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens) {
        this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, null, null);
    }

    public CheckRequest(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens, String text) {
        this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, text, null);
    }

    /** The same check, its hold (if it takes one) to be named {@code id}. */
    public CheckRequest withReservationId(String id) {
        return new CheckRequest(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens,
                maxTokens, text, id);
    }
}
