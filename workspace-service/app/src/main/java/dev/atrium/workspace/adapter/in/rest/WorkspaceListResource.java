package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.workspace.application.port.in.ListByokCredentialsQuery;
import dev.atrium.workspace.application.port.in.ListPresetsQuery;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A workspace's provider keys (masked) and presets (latest versions) in one call each, so a reader such as
 * the console does not ask provider by provider or needs to know the slugs first. Short lists: no cursor.
 */
@Path("/api/v1")
@Authenticated
class WorkspaceListResource {

    private final ListByokCredentialsQuery byok;
    private final ListPresetsQuery presets;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    WorkspaceListResource(ListByokCredentialsQuery byok, ListPresetsQuery presets, TenantGuard guard,
            SecurityIdentity caller) {
        this.byok = byok;
        this.presets = presets;
        this.guard = guard;
        this.caller = caller;
    }

    @Operation(summary = "List the workspace's BYOK keys, masked, by provider")
    @GET
    @Path("/workspaces/{ws}/byok")
    public Dtos.ListView<SettingsDtos.ByokView> listByokKeys(@PathParam("ws") String ws) {
        guard.workspaceReader(caller, ws);
        return new Dtos.ListView<>(byok.credentials(ws).stream().map(SettingsDtos.ByokView::of).toList(), null);
    }

    @Operation(summary = "List the workspace's presets, each at its latest version, by slug")
    @GET
    @Path("/workspaces/{ws}/presets")
    public Dtos.ListView<SettingsDtos.PresetView> listPresets(@PathParam("ws") String ws) {
        guard.workspaceReader(caller, ws);
        return new Dtos.ListView<>(presets.latestOfEach(ws).stream().map(SettingsDtos.PresetView::of).toList(),
                null);
    }
}
