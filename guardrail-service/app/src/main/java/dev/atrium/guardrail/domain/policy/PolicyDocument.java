package dev.atrium.guardrail.domain.policy;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.budget.Budget;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.rate.RateLimits;
import dev.atrium.routing.api.DataRegions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One level's guardrail policy as its admin wrote it. Every field is optional: null means no
 * opinion at this level, and so does an empty allow-list.
 */
public record PolicyDocument(
        List<String> allowedModels,
        List<String> ignoredModels,
        List<String> allowedProviders,
        List<String> ignoredProviders,
        DataPolicy dataPolicy,
        Integer maxTokens,
        List<Budget> budgets,
        RateLimits rateLimits,
        List<ContentFilter> contentFilters,
        List<String> allowedDataRegions) {

    public static final String ALLOWED_MODELS = "allowed_models";
    public static final String IGNORED_MODELS = "ignored_models";
    public static final String ALLOWED_PROVIDERS = "allowed_providers";
    public static final String IGNORED_PROVIDERS = "ignored_providers";
    public static final String ALLOWED_DATA_REGIONS = "allowed_data_regions";
    public static final String ZDR_REQUIRED = "data_policy.zdr_required";
    public static final String DATA_COLLECTION = "data_policy.data_collection";
    public static final String ALLOW_TRAINING = "data_policy.allow_training";
    public static final String MAX_TOKENS = "max_tokens";
    public static final String BUDGETS = "budgets";
    public static final String CONTENT_FILTERS = "content_filters";

    public static final PolicyDocument EMPTY = new PolicyDocument(null, null, null, null, null, null);

    public PolicyDocument {
        allowedModels = Patterns.validate(ALLOWED_MODELS, allowedModels);
        ignoredModels = Patterns.validate(IGNORED_MODELS, ignoredModels);
        allowedProviders = Patterns.validate(ALLOWED_PROVIDERS, allowedProviders);
        ignoredProviders = Patterns.validate(IGNORED_PROVIDERS, ignoredProviders);
        if (maxTokens != null && maxTokens < 1) {
            throw new InvalidFieldException(MAX_TOKENS, "max_tokens must be greater than 0");
        }
        budgets = Budget.validate(budgets);
        contentFilters = ContentFilter.validate(contentFilters);
        allowedDataRegions = Patterns.validate(ALLOWED_DATA_REGIONS, allowedDataRegions);
        if (allowedDataRegions != null && !DataRegions.ALL.containsAll(allowedDataRegions)) {
            throw new InvalidFieldException(ALLOWED_DATA_REGIONS, ALLOWED_DATA_REGIONS + " entries must be "
                    + String.join(", ", DataRegions.ALL) + " (OpenRouter's data regions)");
        }
    }

    /** A document without a data region restriction. */
    public PolicyDocument(List<String> allowedModels, List<String> ignoredModels, List<String> allowedProviders,
            List<String> ignoredProviders, DataPolicy dataPolicy, Integer maxTokens, List<Budget> budgets,
            RateLimits rateLimits, List<ContentFilter> contentFilters) {
        this(allowedModels, ignoredModels, allowedProviders, ignoredProviders, dataPolicy, maxTokens, budgets,
                rateLimits, contentFilters, null);
    }

    /** A document without budgets, rate limits or content filters. */
    public PolicyDocument(List<String> allowedModels, List<String> ignoredModels, List<String> allowedProviders,
            List<String> ignoredProviders, DataPolicy dataPolicy, Integer maxTokens) {
        this(allowedModels, ignoredModels, allowedProviders, ignoredProviders, dataPolicy, maxTokens, null, null,
                null);
    }

    public Integer requestsPerMinute() {
        return rateLimits == null ? null : rateLimits.requestsPerMinute();
    }

    public Integer tokensPerMinute() {
        return rateLimits == null ? null : rateLimits.tokensPerMinute();
    }

    public Boolean zdrRequired() {
        return dataPolicy == null ? null : dataPolicy.zdrRequired();
    }

    public DataCollection dataCollection() {
        return dataPolicy == null ? null : dataPolicy.dataCollection();
    }

    public Boolean allowTraining() {
        return dataPolicy == null ? null : dataPolicy.allowTraining();
    }

    /** Every field by its name, data policy fields flattened; null where the level has no opinion. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ALLOWED_MODELS, allowedModels);
        fields.put(IGNORED_MODELS, ignoredModels);
        fields.put(ALLOWED_PROVIDERS, allowedProviders);
        fields.put(IGNORED_PROVIDERS, ignoredProviders);
        fields.put(ALLOWED_DATA_REGIONS, allowedDataRegions);
        fields.put(ZDR_REQUIRED, zdrRequired());
        fields.put(DATA_COLLECTION, dataCollection() == null ? null : dataCollection().wire());
        fields.put(ALLOW_TRAINING, allowTraining());
        fields.put(MAX_TOKENS, maxTokens);
        fields.put(BUDGETS, budgets == null ? null : budgets.stream().map(b -> (Object) Map.of(
                "window", b.window().wire(), "limit", b.limit().stripTrailingZeros(),
                "include_byok", b.includeByok())).toList());
        fields.put(RateLimits.REQUESTS_PER_MINUTE, requestsPerMinute());
        fields.put(RateLimits.TOKENS_PER_MINUTE, tokensPerMinute());
        fields.put(CONTENT_FILTERS, contentFilters == null ? null : contentFilters.stream().map(f -> (Object) describe(f))
                .toList());
        return fields;
    }

    private static Map<String, Object> describe(ContentFilter f) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (f.builtin() != null) {
            m.put("builtin", f.builtin().wire());
        } else {
            m.put("pattern", f.pattern());
        }
        m.put("action", f.action().wire());
        if (f.label() != null) {
            m.put("label", f.label());
        }
        return m;
    }
}
