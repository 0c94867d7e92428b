package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.security.Caller;
import dev.atrium.common.security.TenantAuthorizer;
import dev.atrium.common.security.TenantAuthorizer.Need;
import dev.atrium.workspace.application.port.in.FindTenancyQuery;
import dev.atrium.workspace.application.port.in.MembershipQuery;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The common {@link TenantAuthorizer} over this service's tenancy. Tenant rights are the group paths
 * this service records for the caller now, not the ones its token was issued with: a removed member's
 * token, valid for up to 15 minutes more, carries no right here. {@code platform-admin} stays a realm
 * role of the token.
 */
@ApplicationScoped
class TenantGuard {

    private final FindTenancyQuery tenancy;
    private final MembershipQuery memberships;
    private final TenantAuthorizer<Workspace> authorizer;

    TenantGuard(FindTenancyQuery tenancy, MembershipQuery memberships) {
        this.tenancy = tenancy;
        this.memberships = memberships;
        this.authorizer = TenantAuthorizer.of(tenancy::workspace, Workspace::organizationId);
    }

    Organization organizationAdmin(SecurityIdentity caller, String organizationId) {
        return authorizer.organization(rights(caller), organizationId, tenancy.organization(organizationId),
                Need.ADMIN, "Only organization admins may do this");
    }

    Organization organizationReader(SecurityIdentity caller, String organizationId) {
        return authorizer.organization(rights(caller), organizationId, tenancy.organization(organizationId),
                Need.SEE, "");
    }

    Workspace workspaceAdmin(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(rights(caller), workspaceId, Need.ADMIN, "Only workspace admins may do this");
    }

    Workspace workspaceReader(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(rights(caller), workspaceId, Need.SEE, "");
    }

    /** The caller's rights now: what an organization's listing of workspaces filters by. */
    Caller.Rights rights(SecurityIdentity caller) {
        boolean platformAdmin = Caller.isPlatformAdmin(caller);
        return new Caller.Rights(platformAdmin,
                platformAdmin ? Set.of() : memberships.groupsOf(Caller.userId(caller)));
    }
}
