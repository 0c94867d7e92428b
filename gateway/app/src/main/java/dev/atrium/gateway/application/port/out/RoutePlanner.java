package dev.atrium.gateway.application.port.out;

import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.RoutePlan;
import io.smallrye.mutiny.Uni;

public interface RoutePlanner {

    Uni<RoutePlan> plan(PlanRequest request);
}
