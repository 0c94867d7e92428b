package dev.atrium.guardrail.domain.named;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.policy.DataCollection;
import dev.atrium.guardrail.domain.policy.DataPolicy;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a named guardrail asks, in OpenRouter's terms, kept as written so it reads back the same. It governs
 * as the {@link PolicyDocument} {@link #document()} derives, merged under the ceiling like a level's policy,
 * and as its own per-entity budget.
 *
 * @param allowedDataRegions the data regions an endpoint must keep the request in, as the catalogue's providers
 *                           state them; an allow-list like allowed_providers
 */
public record GuardrailRules(
        List<String> allowedModels,
        List<String> ignoredModels,
        List<String> allowedProviders,
        List<String> ignoredProviders,
        List<String> allowedDataRegions,
        Zdr zdr,
        Boolean enableFreeModelPublication,
        Boolean enableFreeModelTraining,
        Boolean enablePaidModelTraining,
        List<ContentFilter> contentFilters,
        List<BuiltinFilter> builtinFilters,
        GuardrailBudget budget) {

    public static final GuardrailRules NONE = new GuardrailRules(null, null, null, null, null, Zdr.NONE, null, null,
            null, null, null, GuardrailBudget.NONE);

    public GuardrailRules {
        Objects.requireNonNull(zdr, "zdr");
        Objects.requireNonNull(budget, "budget");
        // OpenRouter's shape: null is no restriction, so an empty list would say nothing; the document checks values.
        if (allowedDataRegions != null && allowedDataRegions.isEmpty()) {
            throw new InvalidFieldException("allowed_data_regions",
                    "allowed_data_regions must be null or a non-empty list of global, europe and us");
        }
        if (contentFilters != null && contentFilters.stream().anyMatch(f -> f.pattern() == null)) {
            throw new InvalidFieldException("content_filters", "content_filters hold patterns only");
        }
        allowedModels = copy(allowedModels);
        ignoredModels = copy(ignoredModels);
        allowedProviders = copy(allowedProviders);
        ignoredProviders = copy(ignoredProviders);
        allowedDataRegions = copy(allowedDataRegions);
        contentFilters = copy(contentFilters);
        builtinFilters = copy(builtinFilters);
        // Refuses here, naming the field, what the policy document would refuse at a check.
        document(allowedModels, ignoredModels, allowedProviders, ignoredProviders, allowedDataRegions, zdr,
                enableFreeModelPublication, enableFreeModelTraining, enablePaidModelTraining, contentFilters,
                builtinFilters);
    }

    /**
     * The policy it enforces: the model, provider and data region lists as written; ZDR required when any ZDR switch is
     * on; data collection denied when free publication is off; training forbidden when either training
     * switch is off; builtin and custom filters together. A switch left on has no opinion (the levels above
     * decide), so a guardrail never loosens anything. Budgets are not part of it: {@link #budget()}.
     */
    public PolicyDocument document() {
        return document(allowedModels, ignoredModels, allowedProviders, ignoredProviders, allowedDataRegions, zdr,
                enableFreeModelPublication, enableFreeModelTraining, enablePaidModelTraining, contentFilters,
                builtinFilters);
    }

    private static PolicyDocument document(List<String> allowedModels, List<String> ignoredModels,
            List<String> allowedProviders, List<String> ignoredProviders, List<String> regions, Zdr zdr,
            Boolean publication,
            Boolean freeTraining, Boolean paidTraining, List<ContentFilter> patterns, List<BuiltinFilter> builtins) {
        Boolean zdrRequired = zdr.anyRequired() ? Boolean.TRUE : null;
        DataCollection collection = Boolean.FALSE.equals(publication) ? DataCollection.DENY : null;
        Boolean training = Boolean.FALSE.equals(freeTraining) || Boolean.FALSE.equals(paidTraining)
                ? Boolean.FALSE : null;
        DataPolicy data = zdrRequired == null && collection == null && training == null ? null
                : new DataPolicy(zdrRequired, collection, training);
        List<ContentFilter> filters = new ArrayList<>();
        if (builtins != null) {
            builtins.forEach(b -> filters.add(b.asFilter()));
        }
        if (patterns != null) {
            filters.addAll(patterns);
        }
        return new PolicyDocument(allowedModels, ignoredModels, allowedProviders, ignoredProviders, data, null, null,
                null, patterns == null && builtins == null ? null : filters, regions);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
