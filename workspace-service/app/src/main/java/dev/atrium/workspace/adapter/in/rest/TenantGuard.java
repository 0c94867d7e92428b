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

    /** The organizations the caller holds a right in (a platform admin: those of its own group paths). */
    java.util.List<Organization> organizations(SecurityIdentity caller) {
        return rights(caller).groups().stream().filter(g -> g.startsWith("/orgs/"))
                .map(g -> g.substring("/orgs/".length(), g.indexOf('/', "/orgs/".length())))
                .distinct().sorted().map(tenancy::organization).flatMap(java.util.Optional::stream).toList();
    }

    Workspace workspaceAdmin(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(rights(caller), workspaceId, Need.ADMIN, "Only workspace admins may do this");
    }

    Workspace workspaceReader(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(rights(caller), workspaceId, Need.SEE, "");
    }

    /**
     * The caller's rights now: what an organization's listing of workspaces filters by. A management key's
     * identity carries its creator's group paths in its organization only, as resolved for this request.
     */
    Caller.Rights rights(SecurityIdentity caller) {
        if (Caller.managementKeyOrganization(caller) != null) {
            return new Caller.Rights(false, caller.getRoles());
        }
        boolean platformAdmin = Caller.isPlatformAdmin(caller);
        return new Caller.Rights(platformAdmin,
                platformAdmin ? Set.of() : memberships.groupsOf(Caller.userId(caller)));
    }
}
