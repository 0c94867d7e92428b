package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.workspace.application.port.in.AuditQuery;
import dev.atrium.workspace.application.port.in.AuditQuery.AuditFilter;
import dev.atrium.workspace.application.port.in.PageRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1")
@Authenticated
class AuditResource {

    private final AuditQuery audit;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    AuditResource(AuditQuery audit, TenantGuard guard, SecurityIdentity caller) {
        this.audit = audit;
        this.guard = guard;
        this.caller = caller;
    }

    /** Newest first; filter by {@code action}, {@code workspace_id}, {@code actor}, {@code target_id}. Org admins only. */
    @Operation(summary = "The organization's audit log, newest first (organization admins)")
    @GET
    @Path("/organizations/{org}/audit")
    public Dtos.ListView<Dtos.AuditView> listAuditEvents(@PathParam("org") String org, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam("action") String action,
            @QueryParam("workspace_id") String workspaceId, @QueryParam("actor") String actor,
            @QueryParam("target_id") String targetId) {
        guard.organizationAdmin(caller, org);
        return Dtos.ListView.of(audit.list(org, new AuditFilter(action, workspaceId, actor, targetId),
                PageRequest.parse(limit, cursor)), Dtos.AuditView::of);
    }
}
