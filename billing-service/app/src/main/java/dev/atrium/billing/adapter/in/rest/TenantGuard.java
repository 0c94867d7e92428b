package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.domain.Generation;
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
