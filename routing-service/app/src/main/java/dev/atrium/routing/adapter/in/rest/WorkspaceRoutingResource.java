package dev.atrium.routing.adapter.in.rest;

import dev.atrium.common.json.StrictBody;
import dev.atrium.common.security.Caller;
import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.application.port.in.PlanRouteUseCase.PlanRouteCommand;
import dev.atrium.routing.application.port.in.PreviewRouteUseCase;
import dev.atrium.routing.application.port.in.PreviewRouteUseCase.PreviewRouteCommand;
import dev.atrium.routing.application.port.in.SetWorkspaceRoutingUseCase;
import dev.atrium.routing.application.port.in.SetWorkspaceRoutingUseCase.SetWorkspaceRoutingCommand;
import dev.atrium.routing.application.port.in.WorkspaceRoutingQuery;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A workspace's routing defaults (admins change, members read) and the route preview (members). */
@Path("/api/v1")
@Authenticated
class WorkspaceRoutingResource {

    private final SecurityIdentity caller;
    private final WorkspaceGuard guard;
    private final SetWorkspaceRoutingUseCase setRouting;
    private final WorkspaceRoutingQuery routing;
    private final PreviewRouteUseCase preview;

    WorkspaceRoutingResource(SecurityIdentity caller, WorkspaceGuard guard, SetWorkspaceRoutingUseCase setRouting,
            WorkspaceRoutingQuery routing, PreviewRouteUseCase preview) {
        this.caller = caller;
        this.guard = guard;
        this.setRouting = setRouting;
        this.routing = routing;
        this.preview = preview;
    }

    /** Strict although ProviderPreferences is the lenient contract the gateway forwards to plans. */
    @PUT
    @Path("/workspaces/{ws}/routing")
    @CustomDeserialization(StrictBody.class)
    public Dtos.Single<RoutingDtos.RoutingView> put(@PathParam("ws") String ws, ProviderPreferences body) {
        guard.admin(caller, ws);
        var saved = setRouting.set(SetWorkspaceRoutingCommand.of(ws, body, Caller.userId(caller)));
        return new Dtos.Single<>(RoutingDtos.RoutingView.of(saved));
    }

    @GET
    @Path("/workspaces/{ws}/routing")
    public Dtos.Single<RoutingDtos.RoutingView> get(@PathParam("ws") String ws) {
        guard.member(caller, ws);
        return new Dtos.Single<>(RoutingDtos.RoutingView.of(routing.routing(ws)));
    }

    @POST
    @Path("/workspaces/{ws}/routes/preview")
    public Dtos.Single<RoutingDtos.PreviewView> preview(@PathParam("ws") String ws, RoutingDtos.PreviewBody body) {
        guard.member(caller, ws);
        var b = body == null ? RoutingDtos.PreviewBody.EMPTY : body;
        var command = new PreviewRouteCommand(PlanRouteCommand.of(b.toPlanRequest(ws)),
                b.constraints() == null ? null : b.constraints().toConstraints());
        return new Dtos.Single<>(RoutingDtos.PreviewView.of(preview.preview(command)));
    }
}
