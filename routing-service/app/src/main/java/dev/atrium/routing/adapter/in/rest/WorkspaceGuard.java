package dev.atrium.routing.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.routing.application.port.in.WorkspaceRoutingQuery;
import dev.atrium.routing.domain.KnownWorkspace;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Authorizes a workspace route: 404 when the workspace is unknown or the caller has no right in it
 * (it may not learn that it exists), 403 when a member asks for an admin's action.
 */
@ApplicationScoped
class WorkspaceGuard {

    private final WorkspaceRoutingQuery workspaces;

    WorkspaceGuard(WorkspaceRoutingQuery workspaces) {
        this.workspaces = workspaces;
    }

    KnownWorkspace member(SecurityIdentity caller, String workspaceId) {
        return workspaces.workspace(workspaceId)
                .filter(w -> Caller.isWorkspaceMember(caller, w.organizationId(), w.id())
                        || Caller.canSeeOrgBilling(caller, w.organizationId()))
                .orElseThrow(() -> ApiException.notFound("Workspace " + workspaceId + " not found"));
    }

    KnownWorkspace admin(SecurityIdentity caller, String workspaceId) {
        KnownWorkspace ws = member(caller, workspaceId);
        if (!Caller.isWorkspaceAdmin(caller, ws.organizationId(), ws.id())) {
            throw ApiException.forbidden("Only workspace and organization admins may change the workspace's routing");
        }
        return ws;
    }
}
