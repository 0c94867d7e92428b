package dev.atrium.common.security;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller.Rights;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Authorizes a management call against the tenant in its path, the same way in every service: 404
 * when the caller has no right there at all (it may not learn that the organization or workspace
 * exists), 403 when it has some but not the one the call needs. The service says how it finds a
 * workspace it knows and which organization that workspace belongs to ({@link Workspaces}); the
 * rights are {@link Caller}'s, read from the token or from what the service records for the caller.
 *
 * @param <W> the service's own view of a workspace, returned to the caller once authorized
 */
public final class TenantAuthorizer<W> {

    /** What a service knows of workspaces, for the authorizer. */
    public interface Workspaces<W> {

        Optional<W> find(String workspaceId);

        String organizationOf(W workspace);
    }

    /** The right a call needs once the caller may see the tenant. */
    public enum Need {
        /** Seeing it is enough: any role in the organization, or the workspace's members. */
        SEE,
        /** The organization's admins and billing members (for a workspace: also its admins). */
        BILLING,
        ADMIN
    }

    private final Workspaces<W> workspaces;

    public TenantAuthorizer(Workspaces<W> workspaces) {
        this.workspaces = workspaces;
    }

    public static <W> TenantAuthorizer<W> of(Function<String, Optional<W>> find, Function<W, String> organizationOf) {
        return new TenantAuthorizer<>(new Workspaces<>() {
            @Override
            public Optional<W> find(String workspaceId) {
                return find.apply(workspaceId);
            }

            @Override
            public String organizationOf(W workspace) {
                return organizationOf.apply(workspace);
            }
        });
    }

    /** 404 unless the caller has a role in the organization; 403 unless that role gives {@code need}. */
    public void organization(Rights rights, String organizationId, Need need, String refusal) {
        organization(rights, organizationId, Optional.of(organizationId), need, refusal);
    }

    /**
     * The organization the service {@code found} under that id, as {@link #organization(Rights, String, Need,
     * String)} authorizes it; 404 as well when none was found.
     */
    public <O> O organization(Rights rights, String organizationId, Optional<O> found, Need need, String refusal) {
        O organization = found.filter(o -> rights.seesOrganization(organizationId))
                .orElseThrow(() -> organizationNotFound(organizationId));
        boolean allowed = switch (need) {
            case SEE -> true;
            case BILLING -> rights.seesOrgBilling(organizationId);
            case ADMIN -> rights.orgAdmin(organizationId);
        };
        if (!allowed) {
            throw ApiException.forbidden(refusal);
        }
        return organization;
    }

    /**
     * The workspace, when the caller may see it (its members, its organization's admins and billing):
     * 404 for an unknown workspace and for everyone else; 403 unless the caller's role gives {@code need}.
     */
    public W workspace(Rights rights, String workspaceId, Need need, String refusal) {
        W found = workspaces.find(workspaceId)
                .filter(w -> rights.seesWorkspace(workspaces.organizationOf(w), workspaceId))
                .orElseThrow(() -> workspaceNotFound(workspaceId));
        String org = workspaces.organizationOf(found);
        boolean allowed = switch (need) {
            case SEE -> true;
            case BILLING -> rights.seesOrgBilling(org) || rights.workspaceAdmin(org, workspaceId);
            case ADMIN -> rights.workspaceAdmin(org, workspaceId);
        };
        if (!allowed) {
            throw ApiException.forbidden(refusal);
        }
        return found;
    }

    /**
     * Of {@code workspaceIds}, those of the organization the caller may see, for a read of several workspaces in
     * one call: 404 unless the caller has a role in the organization; a workspace it may not see is left out, as
     * that workspace's own route would answer it 404. The service still answers only the workspaces it knows in
     * that organization (in the same read as their data, so a page costs one read, not one per workspace).
     */
    public List<String> visibleWorkspaces(Rights rights, String organizationId, Collection<String> workspaceIds) {
        organization(rights, organizationId, Need.SEE, "");
        return workspaceIds.stream().distinct().filter(ws -> rights.seesWorkspace(organizationId, ws)).toList();
    }

    public static ApiException organizationNotFound(String organizationId) {
        return ApiException.notFound("Organization " + organizationId + " not found");
    }

    public static ApiException workspaceNotFound(String workspaceId) {
        return ApiException.notFound("Workspace " + workspaceId + " not found");
    }
}
