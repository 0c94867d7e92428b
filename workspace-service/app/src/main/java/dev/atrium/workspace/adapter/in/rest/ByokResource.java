package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.workspace.application.port.in.ByokQuery;
import dev.atrium.workspace.application.port.in.DeleteByokCredentialUseCase;
import dev.atrium.workspace.application.port.in.SaveByokCredentialUseCase;
import dev.atrium.workspace.application.port.in.SaveByokCredentialUseCase.SaveByokCredentialCommand;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** A workspace's own provider keys: written by workspace admins, never read back except masked. */
@Path("/api/v1")
@Authenticated
class ByokResource {

    private final SaveByokCredentialUseCase save;
    private final DeleteByokCredentialUseCase delete;
    private final ByokQuery byok;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    ByokResource(SaveByokCredentialUseCase save, DeleteByokCredentialUseCase delete, ByokQuery byok,
            TenantGuard guard, SecurityIdentity caller) {
        this.save = save;
        this.delete = delete;
        this.byok = byok;
        this.guard = guard;
        this.caller = caller;
    }

    /** {@code {"key","is_fallback","allowed_models"}}: creates or replaces; the answer masks the key. */
    @Operation(summary = "Store the workspace's own key for a provider (encrypted; answered masked)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"key\":\"sk-proj-...\",\"is_fallback\":false,\"allowed_models\":[\"openai/gpt-4o-mini\"]}")))
    @PUT
    @Path("/workspaces/{ws}/byok/{provider}")
    public SettingsDtos.ByokView putByokKey(@PathParam("ws") String ws, @PathParam("provider") String provider,
            SettingsDtos.PutByok body) {
        guard.workspaceAdmin(caller, ws);
        SettingsDtos.PutByok b = body == null ? new SettingsDtos.PutByok(null, null, null) : body;
        return SettingsDtos.ByokView.of(save.save(SaveByokCredentialCommand.of(ws, provider, b.key(), b.isFallback(),
                b.allowedModels())));
    }

    @Operation(summary = "Read a BYOK key, masked")
    @GET
    @Path("/workspaces/{ws}/byok/{provider}")
    public SettingsDtos.ByokView getByokKey(@PathParam("ws") String ws, @PathParam("provider") String provider) {
        guard.workspaceReader(caller, ws);
        return SettingsDtos.ByokView.of(byok.credential(ws, provider));
    }

    @Operation(summary = "Delete a BYOK key")
    @DELETE
    @Path("/workspaces/{ws}/byok/{provider}")
    public Response deleteByokKey(@PathParam("ws") String ws, @PathParam("provider") String provider) {
        guard.workspaceAdmin(caller, ws);
        delete.delete(ws, provider);
        return Response.noContent().build();
    }
}
