package dev.atrium.guardrail.adapter.in.rest;

import dev.atrium.common.security.Caller;
import dev.atrium.common.security.TenantAuthorizer;
import dev.atrium.common.security.TenantAuthorizer.Need;
import dev.atrium.guardrail.application.port.in.FindTenancyQuery;
import dev.atrium.guardrail.domain.KnownWorkspace;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The common {@link TenantAuthorizer} over the token's rights. Workspaces are known from workspace
 * events; organizations need no prior knowledge.
 */
@ApplicationScoped
class TenantGuard {

    private final TenantAuthorizer<KnownWorkspace> authorizer;

    TenantGuard(FindTenancyQuery tenancy) {
        this.authorizer = TenantAuthorizer.of(tenancy::workspace, KnownWorkspace::organizationId);
    }

    void organizationAdmin(SecurityIdentity caller, String organizationId) {
        authorizer.organization(Caller.rights(caller), organizationId, Need.ADMIN,
                "Only organization admins may change the organization's guardrails");
    }

    void organizationReader(SecurityIdentity caller, String organizationId) {
        authorizer.organization(Caller.rights(caller), organizationId, Need.BILLING,
                "Only organization admins and billing may read the organization's guardrails");
    }

    KnownWorkspace workspaceAdmin(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(Caller.rights(caller), workspaceId, Need.ADMIN,
                "Only workspace and organization admins may change the workspace's guardrails");
    }

    KnownWorkspace workspaceReader(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(Caller.rights(caller), workspaceId, Need.SEE, "");
    }
}
