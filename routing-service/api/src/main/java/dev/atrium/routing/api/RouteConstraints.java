package dev.atrium.routing.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the guardrail allows, as routing understands it. An empty allow-list means no restriction.
 *
 * @param maxCompletionPrice USD per token; null for no limit
 * @param allowedDataRegions the {@link DataRegions} an endpoint must process the request in; empty for any
 */
public record RouteConstraints(
        List<String> allowedModels,
        List<String> ignoredModels,
        List<String> allowedProviders,
        List<String> ignoredProviders,
        boolean zdrRequired,
        boolean denyDataCollection,
        BigDecimal maxPromptPrice,
        BigDecimal maxCompletionPrice,
        List<String> allowedDataRegions) {

    public RouteConstraints {
        allowedDataRegions = allowedDataRegions == null ? List.of() : List.copyOf(allowedDataRegions);
    }

    public RouteConstraints(List<String> allowedModels, List<String> ignoredModels, List<String> allowedProviders,
            List<String> ignoredProviders, boolean zdrRequired, boolean denyDataCollection, BigDecimal maxPromptPrice,
            BigDecimal maxCompletionPrice) {
        this(allowedModels, ignoredModels, allowedProviders, ignoredProviders, zdrRequired, denyDataCollection,
                maxPromptPrice, maxCompletionPrice, List.of());
    }

    public static RouteConstraints none() {
        return new RouteConstraints(List.of(), List.of(), List.of(), List.of(), false, false, null, null);
    }
}
