package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The control API's snake_case form of {@link ProviderBehaviour}. A PUT replaces every setting:
 * a field left out (or null) takes its default, so the body alone says how the provider behaves.
 */
final class ProviderBehaviourJson {

    private static final List<String> FIELDS = List.of("latency_ms", "error_rate", "status",
            "tokens_per_second", "completion_tokens", "drop_after_chunks", "hang", "ignore_max_tokens");

    private ProviderBehaviourJson() {
    }

    /** Reads a control body; unknown fields are refused so that a typo does not pass silently. */
    static ProviderBehaviour read(JsonNode body) {
        if (!body.isObject()) {
            throw new IllegalArgumentException("the settings must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown setting '" + name + "'; known: " + FIELDS);
            }
        }
        ProviderBehaviour defaults = ProviderBehaviour.DEFAULTS;
        return new ProviderBehaviour(
                longValue(body, "latency_ms", defaults.latencyMs()),
                doubleValue(body, "error_rate", defaults.errorRate()),
                integerOrNull(body, "status"),
                doubleValue(body, "tokens_per_second", defaults.tokensPerSecond()),
                intValue(body, "completion_tokens", defaults.completionTokens()),
                integerOrNull(body, "drop_after_chunks"),
                booleanValue(body, "hang", defaults.hang()),
                booleanValue(body, "ignore_max_tokens", defaults.ignoreMaxTokens()));
    }

    static ObjectNode write(ProviderBehaviour behaviour, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("latency_ms", behaviour.latencyMs());
        node.put("error_rate", behaviour.errorRate());
        node.put("status", behaviour.status());
        node.put("tokens_per_second", behaviour.tokensPerSecond());
        node.put("completion_tokens", behaviour.completionTokens());
        node.put("drop_after_chunks", behaviour.dropAfterChunks());
        node.put("hang", behaviour.hang());
        node.put("ignore_max_tokens", behaviour.ignoreMaxTokens());
        return node;
    }

    private static long longValue(JsonNode body, String name, long fallback) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
        return value.longValue();
    }

    private static int intValue(JsonNode body, String name, int fallback) {
        Integer value = integerOrNull(body, name);
        return value == null ? fallback : value;
    }

    private static Integer integerOrNull(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
        return value.intValue();
    }

    private static double doubleValue(JsonNode body, String name, double fallback) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number");
        }
        return value.doubleValue();
    }

    private static boolean booleanValue(JsonNode body, String name, boolean fallback) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false");
        }
        return value.booleanValue();
    }
}
