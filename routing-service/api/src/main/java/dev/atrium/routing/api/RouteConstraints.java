package dev.atrium.routing.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the guardrail allows, as routing understands it. An empty allow-list means no restriction.
 *
 * @param maxCompletionPrice USD per token; null for no limit
 */
public record RouteConstraints(
        List<String> allowedModels,
        List<String> ignoredModels,
        List<String> allowedProviders,
        List<String> ignoredProviders,
        boolean zdrRequired,
        boolean denyDataCollection,
        BigDecimal maxPromptPrice,
        BigDecimal maxCompletionPrice) {

    public static RouteConstraints none() {
        return new RouteConstraints(List.of(), List.of(), List.of(), List.of(), false, false, null, null);
    }
}
