package dev.atrium.guardrail.adapter.out.messaging;

import dev.atrium.common.outbox.Outbox;
import dev.atrium.guardrail.api.GuardrailEvents;
import dev.atrium.guardrail.application.port.out.PolicyEventPublisher;
import dev.atrium.guardrail.domain.policy.FieldChange;
import dev.atrium.guardrail.domain.policy.Level;
import dev.atrium.guardrail.domain.policy.PolicyRevision;
import jakarta.enterprise.context.ApplicationScoped;

/** Policy changes through the outbox, keyed by organization id. */
@ApplicationScoped
class OutboxPolicyEventPublisher implements PolicyEventPublisher {

    private final Outbox outbox;

    OutboxPolicyEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void policyChanged(String organizationId, String workspaceId, PolicyRevision revision) {
        Level level = revision.scope().level();
        String scopeId = revision.scope().id();
        // A member's scope id is {workspace}/{user}.
        String userId = level == Level.MEMBER ? scopeId.substring(scopeId.indexOf('/') + 1) : null;
        String keyId = level == Level.KEY ? scopeId : null;
        outbox.append(GuardrailEvents.TOPIC, organizationId, GuardrailEvents.POLICY_CHANGED, GuardrailEvents.SOURCE,
                new GuardrailEvents.PolicyChanged(organizationId, level == Level.ORGANIZATION ? null : workspaceId,
                        level.wire(), userId, keyId, revision.number(),
                        revision.changes().stream().map(FieldChange::field).toList(), revision.createdAt(),
                        revision.createdBy()));
    }
}
