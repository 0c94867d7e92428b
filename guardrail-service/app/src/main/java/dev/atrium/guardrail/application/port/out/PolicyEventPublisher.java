package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.policy.PolicyRevision;

/** Announces policy changes; called inside the change's transaction, so both commit or neither. */
public interface PolicyEventPublisher {

    /** @param workspaceId null for an organization's policy */
    void policyChanged(String organizationId, String workspaceId, PolicyRevision revision);
}
