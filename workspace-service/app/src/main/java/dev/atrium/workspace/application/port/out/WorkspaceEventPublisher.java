package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import java.time.Instant;

/** Publishes in the caller's transaction (an outbox), so a change and its event never part. */
public interface WorkspaceEventPublisher {

    void organizationCreated(Organization organization);

    void organizationUpdated(Organization organization, Instant at);

    void workspaceCreated(Workspace workspace);

    void workspaceUpdated(Workspace workspace, Instant at);

    void workspaceArchived(Workspace workspace, Instant at);

    /** {@code section}: byok, presets, plugins or observability. */
    void workspaceSettingsChanged(Workspace workspace, String section, Instant at);

    void apiKeyCreated(ApiKey key);

    void apiKeyUpdated(ApiKey key, Instant at);

    void apiKeyRotated(ApiKey key, Instant at);

    void apiKeyRevoked(ApiKey key, Instant at);

    /** The key's owner left the workspace or was deleted: the key no longer resolves. */
    void apiKeyOwnerRemoved(ApiKey key, Instant at);
}
