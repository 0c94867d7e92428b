package dev.atrium.workspace.adapter.out.messaging;

import dev.atrium.common.outbox.Outbox;
import dev.atrium.workspace.api.WorkspaceEvents;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

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
    public void organizationUpdated(Organization o, Instant at) {
        publish(o.id(), WorkspaceEvents.ORGANIZATION_UPDATED,
                new WorkspaceEvents.OrganizationUpdated(o.id(), o.name(), o.slug().value(), at));
    }

    @Override
    public void workspaceCreated(Workspace w) {
        publish(w.organizationId(), WorkspaceEvents.WORKSPACE_CREATED,
                new WorkspaceEvents.WorkspaceCreated(w.id(), w.organizationId(), w.name(), w.slug().value(),
                        w.createdAt()));
    }

    @Override
    public void workspaceUpdated(Workspace w, Instant at) {
        publish(w.organizationId(), WorkspaceEvents.WORKSPACE_UPDATED,
                new WorkspaceEvents.WorkspaceUpdated(w.id(), w.organizationId(), w.name(), w.slug().value(),
                        w.defaultTextModel(), w.defaultProviderSort(), w.settingsRevision(), at));
    }

    @Override
    public void workspaceArchived(Workspace w, Instant at) {
        publish(w.organizationId(), WorkspaceEvents.WORKSPACE_ARCHIVED,
                new WorkspaceEvents.WorkspaceArchived(w.id(), w.organizationId(), w.settingsRevision(), at));
    }

    @Override
    public void workspaceSettingsChanged(Workspace w, String section, Instant at) {
        publish(w.organizationId(), WorkspaceEvents.WORKSPACE_SETTINGS_CHANGED,
                new WorkspaceEvents.WorkspaceSettingsChanged(w.id(), w.organizationId(), section,
                        w.settingsRevision(), at));
    }

    @Override
    public void apiKeyCreated(ApiKey k) {
        publish(k.organizationId(), WorkspaceEvents.API_KEY_CREATED,
                new WorkspaceEvents.ApiKeyCreated(k.id(), k.workspaceId(), k.organizationId(), k.ownerUserId(),
                        k.name(), k.limit(), reset(k), k.includeByokInLimit(), k.expiresAt(), k.createdAt()));
    }

    @Override
    public void apiKeyUpdated(ApiKey k, Instant at) {
        publish(k.organizationId(), WorkspaceEvents.API_KEY_UPDATED,
                new WorkspaceEvents.ApiKeyUpdated(k.id(), k.workspaceId(), k.organizationId(), k.ownerUserId(),
                        k.name(), k.limit(), reset(k), k.includeByokInLimit(), k.expiresAt(), k.disabled(), at));
    }

    @Override
    public void apiKeyRotated(ApiKey k, Instant at) {
        publish(k.organizationId(), WorkspaceEvents.API_KEY_ROTATED,
                new WorkspaceEvents.ApiKeyRotated(k.id(), k.workspaceId(), k.organizationId(),
                        k.previousValidUntil(), at));
    }

    @Override
    public void apiKeyRevoked(ApiKey k, Instant at) {
        publish(k.organizationId(), WorkspaceEvents.API_KEY_REVOKED,
                new WorkspaceEvents.ApiKeyRevoked(k.id(), k.workspaceId(), k.organizationId(), at));
    }

    @Override
    public void apiKeyOwnerRemoved(ApiKey k, Instant at) {
        publish(k.organizationId(), WorkspaceEvents.API_KEY_OWNER_REMOVED,
                new WorkspaceEvents.ApiKeyOwnerRemoved(k.id(), k.workspaceId(), k.organizationId(), k.ownerUserId(),
                        at));
    }

    private static String reset(ApiKey k) {
        return k.limitReset() == null ? null : k.limitReset().wire();
    }

    private void publish(String organizationId, String type, Object payload) {
        outbox.append(WorkspaceEvents.TOPIC, organizationId, type, WorkspaceEvents.SOURCE, payload);
    }
}
