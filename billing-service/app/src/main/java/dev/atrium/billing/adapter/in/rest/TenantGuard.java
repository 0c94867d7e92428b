package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.KnownWorkspace;
import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who may read what billing holds. Callers outside the tenant get 404, as for an unknown id: they
 * may not learn that the organization or the generation exists.
 */
final class TenantGuard {

    private TenantGuard() {
    }

    /** Balance, ledger and usage: platform admins, the organization's admins and billing members. */
    static void billingReader(SecurityIdentity caller, String organizationId) {
        if (!Caller.canSeeOrgBilling(caller, organizationId)) {
            throw ApiException.notFound("Organization " + organizationId + " not found");
        }
    }

    /**
     * A workspace's usage and statements: billing readers of its organization and the workspace's
     * admins. Its members see it exists (403); everyone else gets 404.
     */
    static KnownWorkspace workspaceReader(SecurityIdentity caller, KnownWorkspace w) {
        String org = w.organizationId();
        if (Caller.canSeeOrgBilling(caller, org) || Caller.isWorkspaceAdmin(caller, org, w.workspaceId())) {
            return w;
        }
        if (Caller.isWorkspaceMember(caller, org, w.workspaceId())) {
            throw ApiException.forbidden("Only the workspace's admins and the organization's billing readers"
                    + " see its usage");
        }
        throw workspaceNotFound(w.workspaceId());
    }

    static ApiException workspaceNotFound(String id) {
        return ApiException.notFound("Workspace " + id + " not found");
    }

    /** A generation: billing readers of its organization and the members of its workspace. */
    static Generation generationReader(SecurityIdentity caller, Generation g) {
        boolean visible = Caller.canSeeOrgBilling(caller, g.organizationId())
                || g.workspaceId() != null && Caller.isWorkspaceMember(caller, g.organizationId(), g.workspaceId());
        if (!visible) {
            throw generationNotFound(g.id());
        }
        return g;
    }

    static ApiException generationNotFound(String id) {
        return ApiException.notFound("Generation " + id + " not found");
    }
}
