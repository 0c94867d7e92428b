package dev.atrium.routing.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.routing.application.port.in.PlanRouteUseCase;
import dev.atrium.routing.domain.RoutePlanner;
import dev.atrium.routing.domain.UnknownModelException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

@ApplicationScoped
public class RoutePlanService implements PlanRouteUseCase {

    private final RoutingSnapshots snapshots;

    public RoutePlanService(RoutingSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    @Transactional
    public RoutePlan plan(PlanRouteCommand command) {
        RoutingSnapshots.Snapshot snapshot = snapshots.current();
        try {
            return new RoutePlan(RoutePlanner.plan(snapshot.catalog(), snapshot.stats(), command.models(),
                    command.preferences(), ThreadLocalRandom.current()));
        } catch (UnknownModelException e) {
            throw new ApiException(404, e.getMessage(), Map.of("field", e.model().namedBy()));
        }
    }
}
