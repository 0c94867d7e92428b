package dev.atrium.routing.api;

import java.util.List;
import java.util.Optional;

/** Drops the candidates the guardrail's constraints exclude, keeping the plan's order. */
public final class CandidateFilter {

    private CandidateFilter() {
    }

    public static List<Candidate> apply(List<Candidate> candidates, RouteConstraints constraints) {
        return candidates.stream().filter(c -> allows(constraints, c)).toList();
    }

    public static boolean allows(RouteConstraints k, Candidate c) {
        return excludedBy(k, c).isEmpty();
    }

    /** The constraint field that excludes the candidate ({@code allowed_models}, ...), empty when it may serve. */
    public static Optional<String> excludedBy(RouteConstraints k, Candidate c) {
        if (!k.allowedModels().isEmpty() && !ModelPatterns.matchesAny(k.allowedModels(), c.model())) {
            return Optional.of("allowed_models");
        }
        if (ModelPatterns.matchesAny(k.ignoredModels(), c.model())) {
            return Optional.of("ignored_models");
        }
        if (!k.allowedProviders().isEmpty() && !ModelPatterns.matchesAny(k.allowedProviders(), c.provider())) {
            return Optional.of("allowed_providers");
        }
        if (ModelPatterns.matchesAny(k.ignoredProviders(), c.provider())) {
            return Optional.of("ignored_providers");
        }
        if (!k.allowedDataRegions().isEmpty() && !k.allowedDataRegions().contains(c.dataRegion())) {
            return Optional.of("allowed_data_regions");
        }
        if (k.zdrRequired() && !c.dataPolicy().zdr()) {
            return Optional.of("data_policy.zdr_required");
        }
        if (k.denyDataCollection() && (c.dataPolicy().retainsPrompts() || c.dataPolicy().trainsOnData())) {
            return Optional.of("data_policy.data_collection");
        }
        if (k.maxPromptPrice() != null && c.price().prompt().compareTo(k.maxPromptPrice()) > 0) {
            return Optional.of("max_price.prompt");
        }
        if (k.maxCompletionPrice() != null && c.price().completion().compareTo(k.maxCompletionPrice()) > 0) {
            return Optional.of("max_price.completion");
        }
        return Optional.empty();
    }
}
