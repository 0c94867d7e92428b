package dev.atrium.routing.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One level's provider preferences (the request's or the workspace's defaults): null means no opinion,
 * so a higher layer wins field by field and a lower one fills the gaps.
 */
public record PreferenceLayer(List<String> order, List<String> only, List<String> ignore, Boolean allowFallbacks,
        SortOrder sort, Boolean denyDataCollection, Boolean zdr, List<String> quantizations, BigDecimal maxPromptPrice,
        BigDecimal maxCompletionPrice, Boolean requireParameters) {

    public static final PreferenceLayer EMPTY = new PreferenceLayer(null, null, null, null, null, null, null, null,
            null, null, null);

    public PreferenceLayer {
        order = order == null ? null : List.copyOf(order);
        only = only == null ? null : List.copyOf(only);
        ignore = ignore == null ? null : List.copyOf(ignore);
        quantizations = quantizations == null ? null : List.copyOf(quantizations);
    }

    /** This layer's opinions, the gaps filled from {@code under}. */
    public PreferenceLayer over(PreferenceLayer under) {
        return new PreferenceLayer(pick(order, under.order), pick(only, under.only), pick(ignore, under.ignore),
                pick(allowFallbacks, under.allowFallbacks), pick(sort, under.sort),
                pick(denyDataCollection, under.denyDataCollection), pick(zdr, under.zdr),
                pick(quantizations, under.quantizations), pick(maxPromptPrice, under.maxPromptPrice),
                pick(maxCompletionPrice, under.maxCompletionPrice), pick(requireParameters, under.requireParameters));
    }

    /** The preferences a plan applies: no opinion anywhere means the defaults. */
    public RoutingPreferences resolve() {
        return new RoutingPreferences(order, only, ignore, !Boolean.FALSE.equals(allowFallbacks), sort,
                Boolean.TRUE.equals(denyDataCollection), Boolean.TRUE.equals(zdr), quantizations, maxPromptPrice,
                maxCompletionPrice, Boolean.TRUE.equals(requireParameters));
    }

    private static <T> T pick(T mine, T theirs) {
        return mine != null ? mine : theirs;
    }
}
