package dev.atrium.routing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The provider preferences a plan applies (the request's over the workspace's), normalised: lists never null.
 *
 * @param sort               null for the default (load balancing unless {@code order} is set)
 * @param denyDataCollection drop providers that retain or train on prompts
 * @param zdrOnly            keep only zero-data-retention providers
 * @param quantizations      empty for any; else keep only endpoints at one of these (any case)
 * @param maxPromptPrice     USD per token, null for no limit
 * @param requireParameters  keep only endpoints whose model and protocol honour every parameter the request uses
 */
public record RoutingPreferences(List<String> order, List<String> only, List<String> ignore, boolean allowFallbacks,
        SortOrder sort, boolean denyDataCollection, boolean zdrOnly, List<String> quantizations,
        BigDecimal maxPromptPrice, BigDecimal maxCompletionPrice, boolean requireParameters) {

    public RoutingPreferences {
        order = order == null ? List.of() : List.copyOf(order);
        only = only == null ? List.of() : List.copyOf(only);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        quantizations = quantizations == null ? List.of()
                : quantizations.stream().map(q -> q.toLowerCase(Locale.ROOT)).toList();
    }

    public RoutingPreferences(List<String> order, List<String> only, List<String> ignore, boolean allowFallbacks,
            SortOrder sort, boolean denyDataCollection, boolean zdrOnly) {
        this(order, only, ignore, allowFallbacks, sort, denyDataCollection, zdrOnly, List.of(), null, null, false);
    }

    public static RoutingPreferences defaults() {
        return new RoutingPreferences(List.of(), List.of(), List.of(), true, null, false, false);
    }

    /** Whether the preferences let this provider serve at all. */
    public boolean admits(Provider provider) {
        return providerExclusion(provider).isEmpty();
    }

    /** The preference that leaves the endpoint out ({@code only}, {@code max_price.prompt}, ...), empty when none does. */
    public Optional<String> exclusion(Provider provider, Model model, Endpoint endpoint, List<String> parameters) {
        Optional<String> byProvider = providerExclusion(provider);
        if (byProvider.isPresent()) {
            return byProvider;
        }
        if (!quantizations.isEmpty() && !quantizations.contains(endpoint.quantization().toLowerCase(Locale.ROOT))) {
            return Optional.of("quantizations");
        }
        if (maxPromptPrice != null && endpoint.price().prompt().compareTo(maxPromptPrice) > 0) {
            return Optional.of("max_price.prompt");
        }
        if (maxCompletionPrice != null && endpoint.price().completion().compareTo(maxCompletionPrice) > 0) {
            return Optional.of("max_price.completion");
        }
        if (requireParameters && !model.capabilities().supportsAll(parameters, provider.protocol())) {
            return Optional.of("require_parameters");
        }
        return Optional.empty();
    }

    private Optional<String> providerExclusion(Provider provider) {
        if (!only.isEmpty() && only.stream().noneMatch(provider::isNamedBy)) {
            return Optional.of("only");
        }
        if (ignore.stream().anyMatch(provider::isNamedBy)) {
            return Optional.of("ignore");
        }
        if (zdrOnly && !provider.dataPolicy().zdr()) {
            return Optional.of("zdr");
        }
        if (denyDataCollection && (provider.dataPolicy().retainsPrompts() || provider.dataPolicy().trainsOnData())) {
            return Optional.of("data_collection");
        }
        return Optional.empty();
    }
}
