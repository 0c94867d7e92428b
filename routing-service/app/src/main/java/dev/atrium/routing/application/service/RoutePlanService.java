package dev.atrium.routing.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.routing.api.CandidateFilter;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.routing.application.port.in.PlanRouteUseCase;
import dev.atrium.routing.application.port.in.PreviewRouteUseCase;
import dev.atrium.routing.config.CatalogConfig;
import dev.atrium.routing.domain.CircuitPolicy;
import dev.atrium.routing.domain.Circuits;
import dev.atrium.routing.domain.ModelSuggestions;
import dev.atrium.routing.domain.PlanReuse;
import dev.atrium.routing.domain.ProbeTickets;
import dev.atrium.routing.domain.RankedEndpoint;
import dev.atrium.routing.domain.RoutePlanner;
import dev.atrium.routing.domain.RoutingPreferences;
import dev.atrium.routing.domain.UnknownModelException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Plans apply the workspace's routing defaults under the request's own preferences (the request wins field by
 * field). No transaction: a plan reads the in-memory snapshots, which open one of their own to reload.
 */
@ApplicationScoped
public class RoutePlanService implements PlanRouteUseCase, PreviewRouteUseCase {

    private final RoutingSnapshots snapshots;
    private final WorkspaceDefaults defaults;
    private final CircuitPolicy circuitPolicy;
    private final ProbeTickets probes;
    private final Duration planReuse;
    private final Clock clock;

    @Inject
    public RoutePlanService(RoutingSnapshots snapshots, WorkspaceDefaults defaults, CircuitPolicy circuitPolicy,
            CatalogConfig config, Clock clock) {
        this.snapshots = snapshots;
        this.defaults = defaults;
        this.circuitPolicy = circuitPolicy;
        this.probes = new ProbeTickets(circuitPolicy.coolDown());
        this.planReuse = config.planReuse();
        this.clock = clock;
    }

    @Override
    public RoutePlan plan(PlanRouteCommand command) {
        RoutingSnapshots.Snapshot snapshot = snapshots.current();
        Circuits circuits = Circuits.forPlan(circuitPolicy, snapshot.stats(), probes, clock.instant());
        List<RankedEndpoint> ranking = rank(snapshot, circuits, command);
        return new RoutePlan(ranking.stream().filter(RankedEndpoint::kept).map(RankedEndpoint::candidate).toList(),
                ranking.stream().filter(r -> !r.kept()).map(r -> new RoutePlan.Exclusion(r.candidate().model(),
                        r.candidate().provider(), r.reason())).toList(),
                PlanReuse.of(ranking, planReuse).orElse(null));
    }

    @Override
    public Preview preview(PreviewRouteCommand command) {
        RoutingSnapshots.Snapshot snapshot = snapshots.current();
        Circuits circuits = Circuits.forPreview(circuitPolicy, snapshot.stats(), clock.instant());
        List<PreviewEntry> entries = rank(snapshot, circuits, command.plan()).stream().map(r -> {
            if (r.kept() && command.constraints() != null) {
                var removedBy = CandidateFilter.excludedBy(command.constraints(), r.candidate());
                if (removedBy.isPresent()) {
                    return new PreviewEntry(r.candidate(), false, "constraints." + removedBy.get());
                }
            }
            return new PreviewEntry(r.candidate(), r.kept(), r.reason());
        }).toList();
        return new Preview(command.plan().workspaceId(), entries);
    }

    private List<RankedEndpoint> rank(RoutingSnapshots.Snapshot snapshot, Circuits circuits,
            PlanRouteCommand command) {
        RoutingPreferences preferences = command.requested().over(defaults.of(command.workspaceId())).resolve();
        try {
            return RoutePlanner.rank(snapshot.catalog(), snapshot.stats(), circuits, command.models(), preferences,
                    command.parameters(), command.byok(), ThreadLocalRandom.current());
        } catch (UnknownModelException e) {
            List<String> close = ModelSuggestions.closeTo(e.model().id(), snapshot.catalog().models());
            String message = close.isEmpty() ? e.getMessage()
                    : e.getMessage() + "; did you mean " + String.join(", ", close) + "?";
            throw new ApiException(404, message, Map.of("field", e.model().namedBy(), "did_you_mean", close));
        }
    }
}
