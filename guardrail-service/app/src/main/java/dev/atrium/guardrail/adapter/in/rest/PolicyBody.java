package dev.atrium.guardrail.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.budget.Budget;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.content.Builtin;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.content.FilterAction;
import dev.atrium.guardrail.domain.policy.DataCollection;
import dev.atrium.guardrail.domain.policy.DataPolicy;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.rate.RateLimits;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a PUT's policy document strictly: an unknown or mistyped field is a 400 naming it, never
 * silently dropped. {@code {}} clears the level's policy.
 */
final class PolicyBody {

    private static final Set<String> FIELDS = Set.of("allowed_models", "ignored_models", "allowed_providers",
            "ignored_providers", "data_policy", "max_tokens", "budgets", "rate_limits", "content_filters",
            "allowed_data_regions");
    private static final Set<String> BUDGET_FIELDS = Set.of("window", "limit", "include_byok");
    private static final Set<String> RATE_FIELDS = Set.of("requests_per_minute", "tokens_per_minute");
    private static final Set<String> FILTER_FIELDS = Set.of("builtin", "pattern", "action", "label");
    private static final Set<String> DATA_POLICY_FIELDS = Set.of("zdr_required", "data_collection", "allow_training");

    private PolicyBody() {
    }

    static PolicyDocument read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldException("body", "The policy must be a JSON object");
        }
        knownFieldsOnly(body, FIELDS, "");
        return new PolicyDocument(patterns(body, "allowed_models"), patterns(body, "ignored_models"),
                patterns(body, "allowed_providers"), patterns(body, "ignored_providers"), dataPolicy(body),
                maxTokens(body), budgets(body), rateLimits(body), contentFilters(body),
                patterns(body, PolicyDocument.ALLOWED_DATA_REGIONS));
    }

    private static void knownFieldsOnly(JsonNode object, Set<String> known, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidFieldException(prefix + name, "Unknown field " + prefix + name);
            }
        }
    }

    private static List<String> patterns(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidFieldException(field, field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new InvalidFieldException(field, field + " entries must be non-empty strings");
            }
            values.add(item.textValue());
        }
        return values;
    }

    private static DataPolicy dataPolicy(JsonNode body) {
        JsonNode node = body.get("data_policy");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidFieldException("data_policy", "data_policy must be an object");
        }
        knownFieldsOnly(node, DATA_POLICY_FIELDS, "data_policy.");
        JsonNode collection = node.get("data_collection");
        if (collection != null && !collection.isNull() && !collection.isTextual()) {
            throw new InvalidFieldException(PolicyDocument.DATA_COLLECTION, "data_collection must be allow or deny");
        }
        return new DataPolicy(bool(node, "zdr_required"),
                DataCollection.parse(collection == null || collection.isNull() ? null : collection.textValue()),
                bool(node, "allow_training"));
    }

    private static Boolean bool(JsonNode dataPolicy, String field) {
        JsonNode node = dataPolicy.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new InvalidFieldException("data_policy." + field, field + " must be true or false");
        }
        return node.booleanValue();
    }

    private static Integer maxTokens(JsonNode body) {
        JsonNode node = body.get("max_tokens");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidFieldException(PolicyDocument.MAX_TOKENS, "max_tokens must be a whole number");
        }
        return node.intValue();
    }

    private static List<Budget> budgets(JsonNode body) {
        JsonNode node = body.get(PolicyDocument.BUDGETS);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidFieldException(PolicyDocument.BUDGETS, "budgets must be an array of objects");
        }
        List<Budget> budgets = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new InvalidFieldException(PolicyDocument.BUDGETS, "budgets must be an array of objects");
            }
            knownFieldsOnly(item, BUDGET_FIELDS, "budgets.");
            JsonNode window = item.get("window");
            if (window == null || !window.isTextual()) {
                throw new InvalidFieldException("budgets.window", "window must be daily, weekly, monthly or lifetime");
            }
            JsonNode limit = item.get("limit");
            if (limit == null || !limit.isNumber()) {
                throw new InvalidFieldException("budgets.limit", "A budget's limit must be a number of USD");
            }
            JsonNode byok = item.get("include_byok");
            if (byok != null && !byok.isNull() && !byok.isBoolean()) {
                throw new InvalidFieldException("budgets.include_byok", "include_byok must be true or false");
            }
            budgets.add(new Budget(BudgetWindow.parse("budgets.window", window.textValue()), limit.decimalValue(),
                    byok != null && byok.booleanValue()));
        }
        return budgets;
    }

    private static RateLimits rateLimits(JsonNode body) {
        JsonNode node = body.get("rate_limits");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidFieldException("rate_limits", "rate_limits must be an object");
        }
        knownFieldsOnly(node, RATE_FIELDS, "rate_limits.");
        return new RateLimits(wholeNumber(node, "requests_per_minute", RateLimits.REQUESTS_PER_MINUTE),
                wholeNumber(node, "tokens_per_minute", RateLimits.TOKENS_PER_MINUTE));
    }

    private static Integer wholeNumber(JsonNode object, String name, String field) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidFieldException(field, name + " must be a whole number");
        }
        return node.intValue();
    }

    private static List<ContentFilter> contentFilters(JsonNode body) {
        JsonNode node = body.get(PolicyDocument.CONTENT_FILTERS);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS, "content_filters must be an array of objects");
        }
        List<ContentFilter> filters = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS,
                        "content_filters must be an array of objects");
            }
            knownFieldsOnly(item, FILTER_FIELDS, "content_filters.");
            String builtin = optionalText(item, "builtin");
            filters.add(new ContentFilter(builtin == null ? null : Builtin.parse(builtin), optionalText(item, "pattern"),
                    FilterAction.parse(optionalText(item, "action")), optionalText(item, "label")));
        }
        return filters;
    }

    private static String optionalText(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidFieldException("content_filters." + name, name + " must be a string");
        }
        return node.textValue();
    }
}
