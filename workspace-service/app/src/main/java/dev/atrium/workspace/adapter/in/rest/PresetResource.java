package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.in.PresetQuery;
import dev.atrium.workspace.application.port.in.SavePresetUseCase;
import dev.atrium.workspace.application.port.in.SavePresetUseCase.SavePresetCommand;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Presets: every PUT writes a new version; {@code slug} reads the latest, {@code slug@N} version N. */
@Path("/api/v1")
@Authenticated
class PresetResource {

    private final SavePresetUseCase save;
    private final PresetQuery presets;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    PresetResource(SavePresetUseCase save, PresetQuery presets, TenantGuard guard, SecurityIdentity caller) {
        this.save = save;
        this.presets = presets;
        this.guard = guard;
        this.caller = caller;
    }

    /** {@code {"system_prompt","model","parameters":{...},"locked_parameters":[...],"provider":{...}}}. */
    @Operation(summary = "Write the next version of a preset")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"system_prompt\":\"You are a support agent.\",\"model\":\"openai/gpt-4o-mini\",\"parameters\":{\"temperature\":0.2,\"max_tokens\":512},\"locked_parameters\":[\"temperature\"],\"provider\":{\"sort\":\"price\"}}")))
    @PUT
    @Path("/workspaces/{ws}/presets/{slug}")
    public SettingsDtos.PresetView putPreset(@PathParam("ws") String ws, @PathParam("slug") String slug,
            SettingsDtos.PutPreset body) {
        guard.workspaceAdmin(caller, ws);
        SettingsDtos.PutPreset b = body == null ? new SettingsDtos.PutPreset(null, null, null, null, null) : body;
        return SettingsDtos.PresetView.of(save.save(SavePresetCommand.of(ws, slug, b.systemPrompt(), b.model(),
                b.parameters(), b.lockedParameters(), b.provider())));
    }

    @Operation(summary = "Read a preset: slug for the latest version, slug@N for version N")
    @GET
    @Path("/workspaces/{ws}/presets/{slug}")
    public SettingsDtos.PresetView getPreset(@PathParam("ws") String ws, @PathParam("slug") String slug) {
        guard.workspaceReader(caller, ws);
        return SettingsDtos.PresetView.of(presets.get(ws, slug));
    }

    /** Newest first. */
    @Operation(summary = "List a preset's versions, newest first")
    @GET
    @Path("/workspaces/{ws}/presets/{slug}/versions")
    public Dtos.ListView<SettingsDtos.PresetView> listPresetVersions(@PathParam("ws") String ws,
            @PathParam("slug") String slug, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        guard.workspaceReader(caller, ws);
        return Dtos.ListView.of(presets.versions(ws, slug, PageRequest.parse(limit, cursor)),
                SettingsDtos.PresetView::of);
    }
}
