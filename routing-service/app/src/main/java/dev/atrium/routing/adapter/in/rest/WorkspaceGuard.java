package dev.atrium.routing.adapter.in.rest;

import dev.atrium.common.security.CurrentRights;
import dev.atrium.common.security.TenantAuthorizer;
import dev.atrium.common.security.TenantAuthorizer.Need;
import dev.atrium.routing.application.port.in.WorkspaceRoutingQuery;
import dev.atrium.routing.domain.KnownWorkspace;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The common {@link TenantAuthorizer} over the caller's rights now ({@link CurrentRights}: a user token's are
 * its user's memberships, not its groups) and the workspaces routing learned from events.
 */
@ApplicationScoped
class WorkspaceGuard {

    private final TenantAuthorizer<KnownWorkspace> authorizer;
    private final CurrentRights rights;

    WorkspaceGuard(WorkspaceRoutingQuery workspaces, CurrentRights rights) {
        this.rights = rights;
        this.authorizer = TenantAuthorizer.of(workspaces::workspace, KnownWorkspace::organizationId);
    }

    KnownWorkspace member(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(rights.of(caller), workspaceId, Need.SEE, "");
    }

    KnownWorkspace admin(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(rights.of(caller), workspaceId, Need.ADMIN,
                "Only workspace and organization admins may change the workspace's routing");
    }
}
