package dev.atrium.routing.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.routing.domain.ModelRequest;
import dev.atrium.routing.domain.RoutingPreferences;
import dev.atrium.routing.domain.SortOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public interface PlanRouteUseCase {

    /** Every candidate endpoint of the requested models, in the order the gateway should try them. */
    RoutePlan plan(PlanRouteCommand command);

    /** @param models {@code model} first, then {@code models[]}, each once */
    record PlanRouteCommand(List<ModelRequest> models, RoutingPreferences preferences) {

        public static PlanRouteCommand of(PlanRequest request) {
            if (request == null) {
                throw new InvalidFieldException("model", "model or models is required");
            }
            List<ModelRequest> requested = new ArrayList<>();
            if (request.model() != null && !request.model().isBlank()) {
                requested.add(ModelRequest.parse(request.model(), "model"));
            }
            for (String m : request.models() == null ? List.<String>of() : request.models()) {
                if (m == null || m.isBlank()) {
                    throw new InvalidFieldException("models", "models must not hold empty ids");
                }
                requested.add(ModelRequest.parse(m, "models"));
            }
            if (requested.isEmpty()) {
                throw new InvalidFieldException("model", "model or models is required");
            }
            Map<String, ModelRequest> once = new LinkedHashMap<>();
            requested.forEach(m -> once.putIfAbsent(m.id(), m));
            return new PlanRouteCommand(List.copyOf(once.values()), preferences(request.provider()));
        }

        private static RoutingPreferences preferences(ProviderPreferences p) {
            if (p == null) {
                return RoutingPreferences.defaults();
            }
            SortOrder sort = null;
            if (p.sort() != null) {
                try {
                    sort = SortOrder.parse(p.sort());
                } catch (IllegalArgumentException e) {
                    throw new InvalidFieldException("provider.sort", e.getMessage());
                }
            }
            if (p.dataCollection() != null && !List.of("allow", "deny").contains(p.dataCollection())) {
                throw new InvalidFieldException("provider.data_collection", "data_collection must be allow or deny");
            }
            return new RoutingPreferences(p.order(), p.only(), p.ignore(), !Boolean.FALSE.equals(p.allowFallbacks()),
                    sort, "deny".equals(p.dataCollection()), Boolean.TRUE.equals(p.zdr()));
        }
    }
}
