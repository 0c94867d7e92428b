package dev.atrium.guardrail.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.DataCollection;
import dev.atrium.guardrail.domain.DataPolicy;
import dev.atrium.guardrail.domain.PolicyDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a PUT's policy document strictly: an unknown field, or a field of a later step (even
 * null), is a 400 naming it, never silently dropped. {@code {}} clears the level's policy.
 */
final class PolicyBody {

    private static final Set<String> FIELDS = Set.of("allowed_models", "ignored_models", "allowed_providers",
            "ignored_providers", "data_policy", "max_tokens");
    private static final Set<String> NOT_YET = Set.of("budgets", "rate_limits", "content_filters");
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
                maxTokens(body));
    }

    private static void knownFieldsOnly(JsonNode object, Set<String> known, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (prefix.isEmpty() && NOT_YET.contains(name)) {
                throw new InvalidFieldException(name, name + " is not supported yet");
            }
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
}
