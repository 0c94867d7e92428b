package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.application.port.in.FindWorkspaceQuery;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.KnownWorkspace;
import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.common.security.CurrentRights;
import dev.atrium.common.security.TenantAuthorizer;
import dev.atrium.common.security.TenantAuthorizer.Need;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may read what billing holds, through the common {@link TenantAuthorizer}. Callers outside the
 * tenant get 404, as for an unknown id: they may not learn that the organization or the generation exists.
 * A user token's rights are its user's memberships now ({@link CurrentRights}), not the token's groups.
 */
@ApplicationScoped
class TenantGuard {

    private final TenantAuthorizer<KnownWorkspace> authorizer;
    private final CurrentRights rights;

    TenantGuard(FindWorkspaceQuery workspaces, CurrentRights rights) {
        this.rights = rights;
        this.authorizer = TenantAuthorizer.of(workspaces::workspace, KnownWorkspace::organizationId);
    }

    /**
     * Balance, ledger and usage: platform admins, the organization's admins and billing members. A
     * member of one of its workspaces gets 404 too: money is not part of what a workspace role shows.
     */
    void billingReader(SecurityIdentity caller, String organizationId) {
        if (!rights.of(caller).seesOrgBilling(organizationId)) {
            throw TenantAuthorizer.organizationNotFound(organizationId);
        }
    }

    /**
     * A workspace's usage and statements: billing readers of its organization and the workspace's
     * admins. Its members see it exists (403); everyone else gets 404.
     */
    KnownWorkspace workspaceReader(SecurityIdentity caller, String workspaceId) {
        return authorizer.workspace(rights.of(caller), workspaceId, Need.BILLING,
                "Only the workspace's admins and the organization's billing readers see its usage");
    }

    /** A generation: billing readers of its organization and the members of its workspace. */
    Generation generationReader(SecurityIdentity caller, Generation g) {
        Caller.Rights held = rights.of(caller);
        boolean visible = held.seesOrgBilling(g.organizationId())
                || g.workspaceId() != null && held.workspaceMember(g.organizationId(), g.workspaceId());
        if (!visible) {
            throw generationNotFound(g.id());
        }
        return g;
    }

    static ApiException generationNotFound(String id) {
        return ApiException.notFound("Generation " + id + " not found");
    }
}
