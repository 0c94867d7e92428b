package dev.atrium.workspace.adapter.out.messaging;

import dev.atrium.common.outbox.Outbox;
import dev.atrium.workspace.api.WorkspaceEvents;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class OutboxWorkspaceEventPublisher implements WorkspaceEventPublisher {

    private final Outbox outbox;

    OutboxWorkspaceEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void organizationCreated(Organization o) {
        publish(o.id(), WorkspaceEvents.ORGANIZATION_CREATED,
                new WorkspaceEvents.OrganizationCreated(o.id(), o.name(), o.slug().value(), o.createdAt()));
    }

    @Override
    public void workspaceCreated(Workspace w) {
        publish(w.organizationId(), WorkspaceEvents.WORKSPACE_CREATED,
                new WorkspaceEvents.WorkspaceCreated(w.id(), w.organizationId(), w.name(), w.slug().value(),
                        w.createdAt()));
    }

    @Override
    public void apiKeyCreated(ApiKey k) {
        publish(k.organizationId(), WorkspaceEvents.API_KEY_CREATED,
                new WorkspaceEvents.ApiKeyCreated(k.id(), k.workspaceId(), k.organizationId(), k.ownerUserId(),
                        k.name(), k.limit(), k.limitReset() == null ? null : k.limitReset().wire(),
                        k.includeByokInLimit(), k.expiresAt(), k.createdAt()));
    }

    private void publish(String organizationId, String type, Object payload) {
        outbox.append(WorkspaceEvents.TOPIC, organizationId, type, WorkspaceEvents.SOURCE, payload);
    }
}
