package dev.atrium.guardrail.api;

import java.time.Instant;
import java.util.List;

/**
 * Topic, CloudEvents types and payloads guardrail-service publishes through its outbox, in the
 * same transaction as the change. Keyed by organization id, so one organization's changes stay
 * ordered; a consumer holding a decision for a workspace or key drops it on a newer revision.
 */
public final class GuardrailEvents {

    public static final String TOPIC = "atrium.guardrail.events";
    public static final String SOURCE = "/atrium/guardrail-service";
    public static final String POLICY_CHANGED = "dev.atrium.guardrail.policy.changed.v1";

    public static final String LEVEL_ORGANIZATION = "organization";
    public static final String LEVEL_WORKSPACE = "workspace";
    public static final String LEVEL_MEMBER = "member";
    public static final String LEVEL_KEY = "key";

    private GuardrailEvents() {
    }

    /**
     * A level's policy replaced by a new numbered revision. An organization change (the ceiling)
     * applies to every workspace of the organization, so {@code workspaceId} is null there;
     * {@code userId} is set at member level, {@code keyId} at key level.
     *
     * @param changedFields the document's fields whose value differs from the previous revision's
     */
    public record PolicyChanged(String organizationId, String workspaceId, String level, String userId, String keyId,
            long revision, List<String> changedFields, Instant changedAt, String changedBy) {
    }
}
