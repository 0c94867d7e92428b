package dev.atrium.routing.api;

import java.util.List;

/** {@code POST /internal/v1/routes/plan}: {@code model} or {@code models[]} (fallbacks, in order). */
public record PlanRequest(String workspaceId, String model, List<String> models, ProviderPreferences provider) {
}
