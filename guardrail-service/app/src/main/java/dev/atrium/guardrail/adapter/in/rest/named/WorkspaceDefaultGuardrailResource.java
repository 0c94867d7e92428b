package dev.atrium.guardrail.adapter.in.rest.named;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.adapter.in.rest.TenantGuard;
import dev.atrium.guardrail.adapter.in.rest.named.GuardrailDtos.Data;
import dev.atrium.guardrail.adapter.in.rest.named.GuardrailDtos.WorkspaceDefault;
import dev.atrium.guardrail.application.named.FindNamedGuardrailsQuery;
import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Set;

/**
 * A workspace's default guardrail: the named guardrail every request of the workspace meets, right below the
 * workspace's own policy. Workspace and organization admins set it, members read it; a page of workspaces
 * reads theirs in one call.
 */
@Path("/api/v1")
@Authenticated
class WorkspaceDefaultGuardrailResource {

    private static final int MAX_WORKSPACES = 100;

    private final ManageNamedGuardrailsUseCase manage;
    private final FindNamedGuardrailsQuery find;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    WorkspaceDefaultGuardrailResource(ManageNamedGuardrailsUseCase manage, FindNamedGuardrailsQuery find,
            TenantGuard guard, SecurityIdentity caller) {
        this.manage = manage;
        this.find = find;
        this.guard = guard;
        this.caller = caller;
    }

    @GET
    @Path("/workspaces/{ws}/default-guardrail")
    public Data<WorkspaceDefault> getDefaultGuardrail(@PathParam("ws") String ws) {
        guard.workspaceReader(caller, ws);
        return new Data<>(new WorkspaceDefault(ws, find.defaultOf(ws).orElse(null)));
    }

    /** {@code {"guardrail_id": "<id>"}} sets it, {@code {"guardrail_id": null}} removes it. */
    @PUT
    @Path("/workspaces/{ws}/default-guardrail")
    public Data<WorkspaceDefault> setDefaultGuardrail(@PathParam("ws") String ws, JsonNode body) {
        KnownWorkspace workspace = guard.workspaceAdmin(caller, ws);
        GuardrailBody b = GuardrailBody.of(body, Set.of("guardrail_id"));
        if (!body.has("guardrail_id")) {
            throw new InvalidFieldException("guardrail_id", "guardrail_id is required (null removes the default)");
        }
        String guardrailId = b.text("guardrail_id");
        manage.setDefault(workspace.organizationId(), ws, guardrailId, Caller.userId(caller));
        return new Data<>(new WorkspaceDefault(ws, guardrailId));
    }

    /**
     * The defaults of several workspaces of the organization, ordered by workspace id: what a workspace listing
     * shows for a page. {@code workspace} repeats, at most 100 times. A workspace the caller may not read, one of
     * another organization and one guardrail has not learnt (yet) are left out, where the single workspace's
     * route answers 404; a workspace without a default has {@code guardrail_id} null.
     */
    @GET
    @Path("/organizations/{org}/default-guardrails")
    public Data<List<WorkspaceDefault>> getDefaultGuardrails(@PathParam("org") String org,
            @QueryParam("workspace") List<String> workspaces) {
        if (workspaces == null || workspaces.isEmpty() || workspaces.size() > MAX_WORKSPACES) {
            throw new InvalidFieldException("workspace",
                    "Name 1 to " + MAX_WORKSPACES + " workspaces, each as a workspace query parameter");
        }
        List<String> readable = guard.workspaceReaderOf(caller, org, workspaces);
        return new Data<>(find.defaultsOf(org, readable).stream()
                .map(d -> new WorkspaceDefault(d.workspaceId(), d.guardrailId())).toList());
    }
}
