package dev.atrium.routing.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.routing.api.ByokProvider;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.routing.domain.ByokKey;
import dev.atrium.routing.domain.ModelRequest;
import dev.atrium.routing.domain.PreferenceLayer;
import dev.atrium.routing.domain.RoutingPreferences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public interface PlanRouteUseCase {

    /** Every candidate endpoint of the requested models, in the order the gateway should try them. */
    RoutePlan plan(PlanRouteCommand command);

    /**
     * @param workspaceId whose routing defaults apply under the request's preferences; null for none
     * @param models      {@code model} first, then {@code models[]}, each once
     * @param requested   the request's own {@code provider} object
     * @param parameters  the optional parameters the request uses, for {@code require_parameters}
     * @param byok        the workspace's own provider keys
     */
    record PlanRouteCommand(String workspaceId, List<ModelRequest> models, PreferenceLayer requested,
            List<String> parameters, List<ByokKey> byok) {

        public PlanRouteCommand {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
            byok = byok == null ? List.of() : List.copyOf(byok);
        }

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
            return new PlanRouteCommand(request.workspaceId(), List.copyOf(once.values()),
                    ProviderPreferencesInput.parse(request.provider(), "provider."), request.parameters(),
                    byok(request.byok()));
        }

        private static List<ByokKey> byok(List<ByokProvider> keys) {
            if (keys == null) {
                return List.of();
            }
            if (keys.stream().anyMatch(k -> k == null || k.provider() == null || k.provider().isBlank())) {
                throw new InvalidFieldException("byok", "every byok entry names its provider");
            }
            return keys.stream().map(k -> new ByokKey(k.provider(), k.fallback(), k.allowedModels())).toList();
        }

        /** The request's preferences alone, before any workspace defaults. */
        public RoutingPreferences preferences() {
            return requested.resolve();
        }
    }
}
