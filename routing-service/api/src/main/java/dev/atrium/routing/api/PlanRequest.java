package dev.atrium.routing.api;

import java.util.List;

/**
 * {@code POST /internal/v1/routes/plan}: {@code model} or {@code models[]} (fallbacks, in order).
 *
 * @param parameters the optional request parameters the client used ({@code tools}, {@code response_format},
 *                   ...), for {@code provider.require_parameters}; null when unknown
 * @param byok       the workspace's own provider keys; null for none
 */
public record PlanRequest(String workspaceId, String model, List<String> models, ProviderPreferences provider,
        List<String> parameters, List<ByokProvider> byok) {

    public PlanRequest(String workspaceId, String model, List<String> models, ProviderPreferences provider) {
        this(workspaceId, model, models, provider, null, null);
    }

    public PlanRequest(String workspaceId, String model, List<String> models, ProviderPreferences provider,
            List<String> parameters) {
        this(workspaceId, model, models, provider, parameters, null);
    }
}
