package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.workspace.application.port.in.FindTenancyQuery;
import dev.atrium.workspace.application.port.in.MembershipQuery;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authorizes a management call against the tenant in its path: 404 when the caller has no right
 * in that organization at all (it may not learn that it exists), 403 when it has some but not
 * this one. Tenant rights are the group paths this service records for the caller now, not the ones
 * its token was issued with: a removed member's token, valid for up to 15 minutes more, carries no
 * right here. {@code platform-admin} stays a realm role of the token.
 */
@ApplicationScoped
class TenantGuard {

    private final FindTenancyQuery tenancy;
    private final MembershipQuery memberships;

    TenantGuard(FindTenancyQuery tenancy, MembershipQuery memberships) {
        this.tenancy = tenancy;
        this.memberships = memberships;
    }

    Organization organizationAdmin(SecurityIdentity caller, String organizationId) {
        Rights rights = rights(caller);
        Organization org = tenancy.organization(organizationId).filter(o -> rights.seesOrganization(o.id()))
                .orElseThrow(() -> ApiException.notFound("Organization " + organizationId + " not found"));
        if (!rights.orgAdmin(org.id())) {
            throw ApiException.forbidden("Only organization admins may do this");
        }
        return org;
    }

    Organization organizationReader(SecurityIdentity caller, String organizationId) {
        Rights rights = rights(caller);
        return tenancy.organization(organizationId).filter(o -> rights.seesOrganization(o.id()))
                .orElseThrow(() -> ApiException.notFound("Organization " + organizationId + " not found"));
    }

    /** The organizations the caller holds a right in (a platform admin: those of its own group paths). */
    java.util.List<Organization> organizations(SecurityIdentity caller) {
        return rights(caller).groups().stream().filter(g -> g.startsWith("/orgs/"))
                .map(g -> g.substring("/orgs/".length(), g.indexOf('/', "/orgs/".length())))
                .distinct().sorted().map(tenancy::organization).flatMap(java.util.Optional::stream).toList();
    }

    Workspace workspaceAdmin(SecurityIdentity caller, String workspaceId) {
        Rights rights = rights(caller);
        Workspace ws = workspaceReader(rights, workspaceId);
        if (!rights.workspaceAdmin(ws.organizationId(), ws.id())) {
            throw ApiException.forbidden("Only workspace admins may do this");
        }
        return ws;
    }

    Workspace workspaceReader(SecurityIdentity caller, String workspaceId) {
        return workspaceReader(rights(caller), workspaceId);
    }

    /**
     * The caller's rights now: what an organization's listing of workspaces filters by. A management key's
     * identity carries its creator's group paths in its organization only, as resolved for this request.
     */
    Rights rights(SecurityIdentity caller) {
        if (Caller.managementKeyOrganization(caller) != null) {
            return new Rights(false, caller.getRoles());
        }
        boolean platformAdmin = Caller.isPlatformAdmin(caller);
        return new Rights(platformAdmin, platformAdmin ? Set.of() : memberships.groupsOf(Caller.userId(caller)));
    }

    private Workspace workspaceReader(Rights rights, String workspaceId) {
        return tenancy.workspace(workspaceId).filter(rights::seesWorkspace)
                .orElseThrow(() -> ApiException.notFound("Workspace " + workspaceId + " not found"));
    }

    /** The same rules as {@link Caller}, over the recorded group paths. */
    record Rights(boolean platformAdmin, Set<String> groups) {

        boolean orgAdmin(String orgId) {
            return platformAdmin || groups.contains("/orgs/" + orgId + "/admin");
        }

        boolean seesOrgBilling(String orgId) {
            return orgAdmin(orgId) || groups.contains("/orgs/" + orgId + "/billing");
        }

        boolean workspaceAdmin(String orgId, String workspaceId) {
            return orgAdmin(orgId) || groups.contains(Caller.workspaceGroup(orgId, workspaceId, "admin"));
        }

        /** Organization-wide roles see every workspace; workspace roles only their own. */
        boolean seesWorkspace(Workspace w) {
            return workspaceAdmin(w.organizationId(), w.id())
                    || groups.contains(Caller.workspaceGroup(w.organizationId(), w.id(), "member"))
                    || seesOrgBilling(w.organizationId());
        }

        boolean seesOrganization(String orgId) {
            return platformAdmin || groups.stream().anyMatch(g -> g.startsWith("/orgs/" + orgId + "/"));
        }
    }
}
