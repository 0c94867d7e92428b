package dev.atrium.guardrail.adapter.in.rest;

import dev.atrium.common.security.Caller;
import dev.atrium.common.security.TenantAuthorizer;
import dev.atrium.common.security.TenantAuthorizer.Need;
import dev.atrium.guardrail.application.port.in.FindTenancyQuery;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The common {@link TenantAuthorizer} over the token's rights. Workspaces are known from workspace
 * events; organizations need no prior knowledge.
 */
@ApplicationScoped
public class TenantGuard {

    private final TenantAuthorizer<KnownWorkspace> authorizer;

    public TenantGuard(FindTenancyQuery tenancy) {
        this.authorizer = TenantAuthorizer.of(tenancy::workspace, KnownWorkspace::organizationId);
    }

    public void organizationAdmin(SecurityIdentity caller, String organizationId) {
        authorizer.organization(Caller.rights(caller), organizationId, Need.ADMIN,
                "Only organization admins may change the organization's guardrails");
    }

    public void organizationReader(SecurityIdentity caller, String organizationId) {
        authorizer.organization(Caller.rights(caller), organizationId, Need.BILLING,
                "Only organization admins and billing may read the organization's guardrails");
    }

    public KnownWorkspace workspaceAdmin(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(Caller.rights(caller), workspaceId, Need.ADMIN,
                "Only workspace and organization admins may change the workspace's guardrails");
    }

    public KnownWorkspace workspaceReader(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(Caller.rights(caller), workspaceId, Need.SEE, "");
    }
}
