package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Every settings change takes the next revision of its workspace under a row lock and announces
 * it, so gateways caching by revision notice the change.
 */
@ApplicationScoped
public class SettingsRevisions {

    private final WorkspaceRepository workspaces;
    private final WorkspaceEventPublisher events;
    private final Clock clock;

    public SettingsRevisions(WorkspaceRepository workspaces, WorkspaceEventPublisher events, Clock clock) {
        this.workspaces = workspaces;
        this.events = events;
        this.clock = clock;
    }

    /** The workspace at its next revision; 409 when it is archived. */
    Workspace next(String workspaceId, String section) {
        Workspace current = workspaces.findWorkspaceForUpdate(workspaceId)
                .orElseThrow(() -> ApiException.notFound("Workspace " + workspaceId + " not found"));
        if (current.archived()) {
            throw ApiException.conflict("Workspace " + workspaceId + " is archived");
        }
        Workspace next = current.withRevision(current.settingsRevision() + 1);
        workspaces.update(next);
        events.workspaceSettingsChanged(next, section, clock.instant());
        return next;
    }
}
