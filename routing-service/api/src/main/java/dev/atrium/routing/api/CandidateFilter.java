package dev.atrium.routing.api;

import java.util.List;

/** Drops the candidates the guardrail's constraints exclude, keeping the plan's order. */
public final class CandidateFilter {

    private CandidateFilter() {
    }

    public static List<Candidate> apply(List<Candidate> candidates, RouteConstraints constraints) {
        return candidates.stream().filter(c -> allows(constraints, c)).toList();
    }

    public static boolean allows(RouteConstraints k, Candidate c) {
        if (!k.allowedModels().isEmpty() && !ModelPatterns.matchesAny(k.allowedModels(), c.model())) {
            return false;
        }
        if (ModelPatterns.matchesAny(k.ignoredModels(), c.model())) {
            return false;
        }
        if (!k.allowedProviders().isEmpty() && !ModelPatterns.matchesAny(k.allowedProviders(), c.provider())) {
            return false;
        }
        if (ModelPatterns.matchesAny(k.ignoredProviders(), c.provider())) {
            return false;
        }
        if (k.zdrRequired() && !c.dataPolicy().zdr()) {
            return false;
        }
        if (k.denyDataCollection() && (c.dataPolicy().retainsPrompts() || c.dataPolicy().trainsOnData())) {
            return false;
        }
        if (k.maxPromptPrice() != null && c.price().prompt().compareTo(k.maxPromptPrice()) > 0) {
            return false;
        }
        return k.maxCompletionPrice() == null || c.price().completion().compareTo(k.maxCompletionPrice()) <= 0;
    }
}
