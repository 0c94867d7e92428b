package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.workspace.application.port.in.DeliveryHealthQuery;
import dev.atrium.workspace.application.port.in.SaveObservabilityUseCase;
import dev.atrium.workspace.application.port.in.SavePluginSettingsUseCase;
import dev.atrium.workspace.application.port.in.WorkspaceSettingsQuery;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Plugin defaults and observability destinations of a workspace; each PUT replaces the whole list. */
@Path("/api/v1")
@Authenticated
class WorkspaceSettingsResource {

    private final SavePluginSettingsUseCase savePlugins;
    private final SaveObservabilityUseCase saveObservability;
    private final WorkspaceSettingsQuery settings;
    private final TenantGuard guard;
    private final SecurityIdentity caller;
    private final DeliveryHealthQuery health;

    WorkspaceSettingsResource(SavePluginSettingsUseCase savePlugins, SaveObservabilityUseCase saveObservability,
            WorkspaceSettingsQuery settings, TenantGuard guard, SecurityIdentity caller, DeliveryHealthQuery health) {
        this.health = health;
        this.savePlugins = savePlugins;
        this.saveObservability = saveObservability;
        this.settings = settings;
        this.guard = guard;
        this.caller = caller;
    }

    /** {@code {"plugins":[{"id":"response-healing","enabled":true,"locked":false,"options":{...}}]}}. */
    @Operation(summary = "Replace the workspace's plugin defaults")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"plugins\":[{\"id\":\"response-healing\",\"enabled\":true,\"locked\":false},{\"id\":\"moderation\",\"enabled\":true,\"locked\":true}]}")))
    @PUT
    @Path("/workspaces/{ws}/plugins")
    public SettingsDtos.Plugins putPlugins(@PathParam("ws") String ws, SettingsDtos.Plugins body) {
        guard.workspaceAdmin(caller, ws);
        return SettingsDtos.Plugins.of(savePlugins.save(ws, body == null ? null : body.toDomain()));
    }

    @Operation(summary = "Read the workspace's plugin defaults")
    @GET
    @Path("/workspaces/{ws}/plugins")
    public SettingsDtos.Plugins getPlugins(@PathParam("ws") String ws) {
        guard.workspaceReader(caller, ws);
        return SettingsDtos.Plugins.of(settings.plugins(ws));
    }

    /**
     * {@code {"destinations":[{"type":"otlp"|"webhook","endpoint","headers":{...},"sampling_rate",
     * "privacy_mode"}]}}; header values are stored encrypted and answered as "****".
     */
    @Operation(summary = "Replace the workspace's observability destinations (header values encrypted)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"destinations\":[{\"type\":\"otlp\",\"endpoint\":\"https://otel.example.com/v1/traces\",\"headers\":{\"Authorization\":\"Bearer ...\"},\"sampling_rate\":0.25,\"privacy_mode\":true}]}")))
    @PUT
    @Path("/workspaces/{ws}/observability")
    public SettingsDtos.Observability putObservability(@PathParam("ws") String ws, SettingsDtos.Observability body) {
        guard.workspaceAdmin(caller, ws);
        return SettingsDtos.Observability.of(saveObservability.saveObservability(ws,
                body == null ? null : body.toDomain()), health.deliveryHealth(ws));
    }

    /** Each destination also shows the gateway's last delivery outcomes: last_success_at, last_error, last_error_at. */
    @Operation(summary = "Read the workspace's observability destinations (headers masked, last delivery outcomes)")
    @GET
    @Path("/workspaces/{ws}/observability")
    public SettingsDtos.Observability getObservability(@PathParam("ws") String ws) {
        guard.workspaceReader(caller, ws);
        return SettingsDtos.Observability.of(settings.observability(ws), health.deliveryHealth(ws));
    }
}
