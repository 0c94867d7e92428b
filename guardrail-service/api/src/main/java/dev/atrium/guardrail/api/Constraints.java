package dev.atrium.guardrail.api;

import java.util.List;

/**
 * The effective policy's routing constraints. Empty allow-lists mean no restriction.
 *
 * @param allowedDataRegions the OpenRouter data regions ({@code global}, {@code europe}, {@code us}) an endpoint
 *                           must process the request in
 */
public record Constraints(
        List<String> allowedModels,
        List<String> ignoredModels,
        List<String> allowedProviders,
        List<String> ignoredProviders,
        boolean zdrRequired,
        boolean denyDataCollection,
        Integer maxTokens,
        List<String> allowedDataRegions) {

    public Constraints {
        allowedDataRegions = allowedDataRegions == null ? List.of() : List.copyOf(allowedDataRegions);
    }

    public Constraints(List<String> allowedModels, List<String> ignoredModels, List<String> allowedProviders,
            List<String> ignoredProviders, boolean zdrRequired, boolean denyDataCollection, Integer maxTokens) {
        this(allowedModels, ignoredModels, allowedProviders, ignoredProviders, zdrRequired, denyDataCollection,
                maxTokens, List.of());
    }
}
