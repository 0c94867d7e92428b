package dev.atrium.routing.api;

import java.util.List;

/**
 * Every candidate endpoint, in the order the gateway should try them.
 *
 * @param excluded the endpoints of the requested models the plan left out, each with the preference that
 *                 removed it, so a "no provider meets your routing requirements" answer can name them
 */
public record RoutePlan(List<Candidate> candidates, List<Exclusion> excluded) {

    public RoutePlan {
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    public RoutePlan(List<Candidate> candidates) {
        this(candidates, List.of());
    }

    /** @param reason {@code only}, {@code ignore}, {@code zdr}, {@code max_price.prompt}, {@code circuit_open}, ... */
    public record Exclusion(String model, String provider, String reason) {
    }
}
