package dev.atrium.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The part of JSON Schema the committed operator schemas use: type, required, properties,
 * additionalProperties (false, or a schema for every other value), items, enum, minimum.
 */
final class MiniSchema {

    private MiniSchema() {
    }

    static List<String> validate(JsonNode schema, JsonNode value, String path) {
        List<String> problems = new ArrayList<>();
        check(schema, value, path, problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            problems.add(path + ": expected " + schema.get("type").asText() + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(path + ": " + value + " is below " + schema.get("minimum"));
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(path + ": missing required field " + required.asText());
            }
        }
        if (value.isObject()) {
            checkFields(schema, value, path, problems);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static void checkFields(JsonNode schema, JsonNode value, String path, List<String> problems) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), fieldPath, problems);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                problems.add(fieldPath + ": unknown field");
            } else if (additional.isObject()) {
                check(additional, field.getValue(), fieldPath, problems);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new IllegalArgumentException("Unsupported schema type " + type);
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
