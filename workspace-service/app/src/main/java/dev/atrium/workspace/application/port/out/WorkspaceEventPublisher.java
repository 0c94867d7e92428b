package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;

/** Publishes in the caller's transaction (an outbox), so a change and its event never part. */
public interface WorkspaceEventPublisher {

    void organizationCreated(Organization organization);

    void workspaceCreated(Workspace workspace);

    void apiKeyCreated(ApiKey key);
}
