package dev.atrium.guardrail.adapter.in.rest;

import dev.atrium.common.security.CurrentRights;
import dev.atrium.common.security.TenantAuthorizer;
import dev.atrium.common.security.TenantAuthorizer.Need;
import dev.atrium.guardrail.application.port.in.FindTenancyQuery;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/**
 * The common {@link TenantAuthorizer} over the caller's rights now ({@link CurrentRights}: a user token's
 * are its user's memberships, not its groups). Workspaces are known from workspace events; organizations
 * need no prior knowledge.
 */
@ApplicationScoped
public class TenantGuard {

    private final TenantAuthorizer<KnownWorkspace> authorizer;
    private final CurrentRights rights;

    public TenantGuard(FindTenancyQuery tenancy, CurrentRights rights) {
        this.rights = rights;
        this.authorizer = TenantAuthorizer.of(tenancy::workspace, KnownWorkspace::organizationId);
    }

    public void organizationAdmin(SecurityIdentity caller, String organizationId) {
        authorizer.organization(rights.of(caller), organizationId, Need.ADMIN,
                "Only organization admins may change the organization's guardrails");
    }

    public void organizationReader(SecurityIdentity caller, String organizationId) {
        authorizer.organization(rights.of(caller), organizationId, Need.BILLING,
                "Only organization admins and billing may read the organization's guardrails");
    }

    public KnownWorkspace workspaceAdmin(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(rights.of(caller), workspaceId, Need.ADMIN,
                "Only workspace and organization admins may change the workspace's guardrails");
    }

    public KnownWorkspace workspaceReader(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(rights.of(caller), workspaceId, Need.SEE, "");
    }

    /** Of {@code workspaceIds}, those of the organization the caller may read as {@link #workspaceReader}. */
    public List<String> workspaceReaderOf(SecurityIdentity caller, String organizationId,
            Collection<String> workspaceIds) {
        return authorizer.visibleWorkspaces(rights.of(caller), organizationId, workspaceIds);
    }
}
