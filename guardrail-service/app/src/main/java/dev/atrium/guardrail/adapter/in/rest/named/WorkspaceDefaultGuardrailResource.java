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
import java.util.Set;

/**
 * A workspace's default guardrail: the named guardrail every request of the workspace meets, right below the
 * workspace's own policy. Workspace and organization admins set it, members read it.
 */
@Path("/api/v1/workspaces/{ws}/default-guardrail")
@Authenticated
class WorkspaceDefaultGuardrailResource {

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
    public Data<WorkspaceDefault> getDefaultGuardrail(@PathParam("ws") String ws) {
        guard.workspaceReader(caller, ws);
        return new Data<>(new WorkspaceDefault(ws, find.defaultOf(ws).orElse(null)));
    }

    /** {@code {"guardrail_id": "<id>"}} sets it, {@code {"guardrail_id": null}} removes it. */
    @PUT
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
}
