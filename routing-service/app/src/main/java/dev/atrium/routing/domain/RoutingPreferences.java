package dev.atrium.routing.domain;

import java.util.List;

/**
 * The request's provider preferences, normalised: lists never null.
 *
 * @param sort null for the default (load balancing unless {@code order} is set)
 * @param denyDataCollection drop providers that retain or train on prompts
 * @param zdrOnly keep only zero-data-retention providers
 */
public record RoutingPreferences(List<String> order, List<String> only, List<String> ignore, boolean allowFallbacks,
        SortOrder sort, boolean denyDataCollection, boolean zdrOnly) {

    public RoutingPreferences {
        order = order == null ? List.of() : List.copyOf(order);
        only = only == null ? List.of() : List.copyOf(only);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
    }

    public static RoutingPreferences defaults() {
        return new RoutingPreferences(List.of(), List.of(), List.of(), true, null, false, false);
    }

    /** Whether the preferences let this provider serve at all. */
    public boolean admits(Provider provider) {
        if (!only.isEmpty() && only.stream().noneMatch(provider::isNamedBy)) {
            return false;
        }
        if (ignore.stream().anyMatch(provider::isNamedBy)) {
            return false;
        }
        if (zdrOnly && !provider.dataPolicy().zdr()) {
            return false;
        }
        return !denyDataCollection || !(provider.dataPolicy().retainsPrompts() || provider.dataPolicy().trainsOnData());
    }
}
