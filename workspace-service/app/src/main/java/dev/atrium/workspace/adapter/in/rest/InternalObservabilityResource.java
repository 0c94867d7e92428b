package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.api.DeliveryStatus;
import dev.atrium.workspace.api.ObservabilityTargets;
import dev.atrium.workspace.application.port.in.RecordDeliveryStatusUseCase;
import dev.atrium.workspace.application.port.in.WorkspaceSettingsQuery;
import dev.atrium.workspace.config.ByokConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Observability destinations with decrypted headers, for the same readers as BYOK secrets (the gateway). */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalObservabilityResource {

    private final WorkspaceSettingsQuery settings;
    private final ByokConfig config;
    private final SecurityIdentity caller;
    private final RecordDeliveryStatusUseCase deliveries;

    InternalObservabilityResource(WorkspaceSettingsQuery settings, ByokConfig config, SecurityIdentity caller,
            RecordDeliveryStatusUseCase deliveries) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Path("/workspaces/{ws}/observability")
    public ObservabilityTargets getObservabilityTargets(@PathParam("ws") String ws) {
        if (!config.secretReaders().contains(caller.getPrincipal().getName())) {
            throw ApiException.forbidden("Only the gateway may read observability headers");
        }
        return new ObservabilityTargets(ws, settings.observabilityWithHeaders(ws).stream()
                .map(d -> new ObservabilityTargets.Target(d.type(), d.endpoint(), d.headers(), d.samplingRate(),
                        d.privacyMode())).toList());
    }

    /** The gateway's delivery outcome for one destination (throttled on its side); 204. */
    @POST
    @Path("/workspaces/{ws}/observability/status")
    public void postDeliveryStatus(@PathParam("ws") String ws, DeliveryStatus status) {
        if (!config.secretReaders().contains(caller.getPrincipal().getName())) {
            throw ApiException.forbidden("Only the gateway reports deliveries");
        }
        if (status == null) {
            throw new InvalidFieldException("endpoint", "endpoint is required");
        }
        deliveries.record(new RecordDeliveryStatusUseCase.DeliveryStatusCommand(ws, status.endpoint(),
                status.delivered(), status.error(), status.at()));
    }
}
