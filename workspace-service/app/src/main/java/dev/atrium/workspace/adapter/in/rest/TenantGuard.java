package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.workspace.application.port.in.FindTenancyQuery;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Authorizes a management call against the tenant in its path: 404 when the caller has no right
 * in that organization at all (it may not learn that it exists), 403 when it has some but not
 * this one.
 */
@ApplicationScoped
class TenantGuard {

    private final FindTenancyQuery tenancy;

    TenantGuard(FindTenancyQuery tenancy) {
        this.tenancy = tenancy;
    }

    Organization organizationAdmin(SecurityIdentity caller, String organizationId) {
        Organization org = tenancy.organization(organizationId).filter(o -> seesOrganization(caller, o.id()))
                .orElseThrow(() -> ApiException.notFound("Organization " + organizationId + " not found"));
        if (!Caller.isOrgAdmin(caller, org.id())) {
            throw ApiException.forbidden("Only organization admins may do this");
        }
        return org;
    }

    Organization organizationReader(SecurityIdentity caller, String organizationId) {
        return tenancy.organization(organizationId).filter(o -> seesOrganization(caller, o.id()))
                .orElseThrow(() -> ApiException.notFound("Organization " + organizationId + " not found"));
    }

    Workspace workspaceAdmin(SecurityIdentity caller, String workspaceId) {
        Workspace ws = workspaceReader(caller, workspaceId);
        if (!Caller.isWorkspaceAdmin(caller, ws.organizationId(), ws.id())) {
            throw ApiException.forbidden("Only workspace admins may do this");
        }
        return ws;
    }

    Workspace workspaceReader(SecurityIdentity caller, String workspaceId) {
        return tenancy.workspace(workspaceId).filter(w -> seesWorkspace(caller, w))
                .orElseThrow(() -> ApiException.notFound("Workspace " + workspaceId + " not found"));
    }

    /** Organization-wide roles see every workspace; workspace roles only their own. */
    static boolean seesWorkspace(SecurityIdentity caller, Workspace w) {
        return Caller.isWorkspaceMember(caller, w.organizationId(), w.id())
                || Caller.canSeeOrgBilling(caller, w.organizationId());
    }

    private static boolean seesOrganization(SecurityIdentity caller, String organizationId) {
        return Caller.isPlatformAdmin(caller)
                || caller.getRoles().stream().anyMatch(r -> r.startsWith("/orgs/" + organizationId + "/"));
    }
}
