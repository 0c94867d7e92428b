package dev.atrium.routing.adapter.in.rest;

import dev.atrium.common.security.Caller;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.routing.application.port.in.PlanRouteUseCase;
import dev.atrium.routing.application.port.in.PlanRouteUseCase.PlanRouteCommand;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** The gateway's route plan: only service tokens may call it. */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalRouteResource {

    private final PlanRouteUseCase planRoute;

    InternalRouteResource(PlanRouteUseCase planRoute) {
        this.planRoute = planRoute;
    }

    @POST
    @Path("/routes/plan")
    public RoutePlan plan(PlanRequest request) {
        return planRoute.plan(PlanRouteCommand.of(request));
    }
}
