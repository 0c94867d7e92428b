package dev.atrium.guardrail.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.application.port.in.FindTenancyQuery;
import dev.atrium.guardrail.domain.KnownWorkspace;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Authorizes a management call against the tenant in its path: 404 when the caller has no right
 * there at all (it may not learn that it exists), 403 when it has some but not this one.
 * Workspaces are known from workspace events; organizations need no prior knowledge.
 */
@ApplicationScoped
public class TenantGuard {

    private final FindTenancyQuery tenancy;

    public TenantGuard(FindTenancyQuery tenancy) {
        this.tenancy = tenancy;
    }

    public void organizationAdmin(SecurityIdentity caller, String organizationId) {
        seeOrganization(caller, organizationId);
        if (!Caller.isOrgAdmin(caller, organizationId)) {
            throw ApiException.forbidden("Only organization admins may change the organization's guardrails");
        }
    }

    public void organizationReader(SecurityIdentity caller, String organizationId) {
        seeOrganization(caller, organizationId);
        if (!Caller.canSeeOrgBilling(caller, organizationId)) {
            throw ApiException.forbidden("Only organization admins and billing may read the organization's guardrails");
        }
    }

    public KnownWorkspace workspaceAdmin(SecurityIdentity caller, String workspaceId) {
        KnownWorkspace ws = workspaceReader(caller, workspaceId);
        if (!Caller.isWorkspaceAdmin(caller, ws.organizationId(), ws.id())) {
            throw ApiException.forbidden(
                    "Only workspace and organization admins may change the workspace's guardrails");
        }
        return ws;
    }

    public KnownWorkspace workspaceReader(SecurityIdentity caller, String workspaceId) {
        return tenancy.workspace(workspaceId)
                .filter(w -> Caller.isWorkspaceMember(caller, w.organizationId(), w.id())
                        || Caller.canSeeOrgBilling(caller, w.organizationId()))
                .orElseThrow(() -> ApiException.notFound("Workspace " + workspaceId + " not found"));
    }

    private static void seeOrganization(SecurityIdentity caller, String organizationId) {
        boolean sees = Caller.isPlatformAdmin(caller)
                || caller.getRoles().stream().anyMatch(r -> r.startsWith("/orgs/" + organizationId + "/"));
        if (!sees) {
            throw ApiException.notFound("Organization " + organizationId + " not found");
        }
    }
}
