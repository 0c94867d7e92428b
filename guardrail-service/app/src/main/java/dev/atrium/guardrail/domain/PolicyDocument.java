package dev.atrium.guardrail.domain;

import dev.atrium.common.error.InvalidFieldException;
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
        Integer maxTokens) {

    public static final String ALLOWED_MODELS = "allowed_models";
    public static final String IGNORED_MODELS = "ignored_models";
    public static final String ALLOWED_PROVIDERS = "allowed_providers";
    public static final String IGNORED_PROVIDERS = "ignored_providers";
    public static final String ZDR_REQUIRED = "data_policy.zdr_required";
    public static final String DATA_COLLECTION = "data_policy.data_collection";
    public static final String ALLOW_TRAINING = "data_policy.allow_training";
    public static final String MAX_TOKENS = "max_tokens";

    public static final PolicyDocument EMPTY = new PolicyDocument(null, null, null, null, null, null);

    public PolicyDocument {
        allowedModels = Patterns.validate(ALLOWED_MODELS, allowedModels);
        ignoredModels = Patterns.validate(IGNORED_MODELS, ignoredModels);
        allowedProviders = Patterns.validate(ALLOWED_PROVIDERS, allowedProviders);
        ignoredProviders = Patterns.validate(IGNORED_PROVIDERS, ignoredProviders);
        if (maxTokens != null && maxTokens < 1) {
            throw new InvalidFieldException(MAX_TOKENS, "max_tokens must be greater than 0");
        }
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
        fields.put(ZDR_REQUIRED, zdrRequired());
        fields.put(DATA_COLLECTION, dataCollection() == null ? null : dataCollection().wire());
        fields.put(ALLOW_TRAINING, allowTraining());
        fields.put(MAX_TOKENS, maxTokens);
        return fields;
    }
}
