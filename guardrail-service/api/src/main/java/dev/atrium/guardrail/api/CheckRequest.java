package dev.atrium.guardrail.api;

import java.util.List;

/**
 * {@code POST /internal/v1/checks}: may this key send this request? {@code text} is the request's
 * message text the content filters scan (null: nothing to scan); redaction offsets refer to it.
 * {@code choices} is the request's {@code n} (null: one): every choice may write {@code maxTokens}, so
 * the worst case reserved counts the completion that many times.
 * {@code dryRun} (JSON {@code dry_run}, explain): the same verdict from the counters as they stand,
 * with nothing counted, held or written, and never a reservation id.
 * {@code reservationId} ({@code res_} and 32 hex digits), when given, is the id a hold this check
 * takes will have: a caller that gives up on the answer (a timeout) can still release what the check
 * may have held, instead of leaving it until the reservation's time runs out.
 * {@code holder} (null: none) is the gateway instance and life that asks: the hold is theirs, and the
 * instance's next life gives it back if this one ends before settling or releasing it.
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
        Integer choices,
        boolean dryRun,
        String reservationId,
        Holder holder) {

    public CheckRequest(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens, String text, Integer choices,
            boolean dryRun, String reservationId) {
        this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, text, choices,
                dryRun, reservationId, null);
    }

    public CheckRequest(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens) {
        this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, null);
    }

    public CheckRequest(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens, String text) {
        this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, text, null);
    }

    public CheckRequest(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens, String text, Integer choices) {
        this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, text, choices,
                false, null);
    }

    /** This check as a dry run. */
    public CheckRequest asDryRun() {
        return new CheckRequest(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens,
                maxTokens, text, choices, true, reservationId, holder);
    }

    /** The same check, its hold (if it takes one) to be named {@code id}. */
    public CheckRequest withReservationId(String id) {
        return new CheckRequest(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens,
                maxTokens, text, choices, dryRun, id, holder);
    }

    /** The same check, asked by this gateway instance in this life. */
    public CheckRequest heldBy(Holder by) {
        return new CheckRequest(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens,
                maxTokens, text, choices, dryRun, reservationId, by);
    }
}
