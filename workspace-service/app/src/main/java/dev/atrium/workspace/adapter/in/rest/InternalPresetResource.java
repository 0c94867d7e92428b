package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.security.Caller;
import dev.atrium.workspace.api.PresetDefinition;
import dev.atrium.workspace.application.port.in.PresetQuery;
import dev.atrium.workspace.domain.Preset;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A preset version for the gateway, which applies it to a chat request; only service tokens may call it. */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalPresetResource {

    private final PresetQuery presets;

    InternalPresetResource(PresetQuery presets) {
        this.presets = presets;
    }

    /** {@code reference}: {@code slug} for the newest version, {@code slug@N} for version N. */
    @GET
    @Path("/workspaces/{ws}/presets/{reference}")
    public PresetDefinition getPresetDefinition(@PathParam("ws") String ws, @PathParam("reference") String reference) {
        Preset p = presets.get(ws, reference);
        return new PresetDefinition(p.workspaceId(), p.slug(), p.version(), p.systemPrompt(), p.model(),
                p.parameters(), p.lockedParameters(), p.provider());
    }
}
