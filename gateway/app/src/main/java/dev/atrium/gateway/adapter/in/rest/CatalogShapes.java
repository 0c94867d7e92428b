package dev.atrium.gateway.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * routing's catalogue in OpenRouter's shapes (the {@code Model}, {@code ListEndpointsResponse} and
 * {@code ListProvidersData} schemas of {@code @openrouter/sdk}). Every field those schemas require is
 * written; where Atrium keeps no value the field holds what the schema allows for "none" (null, 0,
 * false, an empty string). Atrium's own fields ({@code object}, {@code owned_by}, {@code tag}, ...) stay.
 */
final class CatalogShapes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CatalogShapes() {
    }

    /** One model of {@code GET /api/v1/models}; routing's listing carries id, name, context_length, pricing, ... */
    static ObjectNode model(ObjectNode listed) {
        String id = listed.path("id").asText();
        ObjectNode m = JSON.objectNode();
        m.put("id", id);
        m.put("canonical_slug", id);
        m.put("name", listed.path("name").asText(id));
        // The catalogue does not record when a model appeared.
        m.put("created", 0);
        m.put("description", "");
        m.set("context_length", listed.path("context_length").isInt() ? listed.get("context_length") : JSON.nullNode());
        m.set("architecture", architecture(listed.path("architecture"), false));
        m.set("pricing", listed.path("pricing").deepCopy());
        ObjectNode top = m.putObject("top_provider");
        top.set("context_length", m.get("context_length"));
        top.putNull("max_completion_tokens");
        top.put("is_moderated", false);
        m.putNull("per_request_limits");
        m.set("supported_parameters", strings(listed.path("supported_parameters")));
        m.putNull("default_parameters");
        m.putNull("supported_voices");
        m.putObject("links").put("details", "/api/v1/models/" + id + "/endpoints");
        m.put("object", "model");
        m.put("owned_by", id.split("/")[0]);
        return m;
    }

    /** A model without a price has no provider serving it: it cannot be called, and the schema needs a price. */
    static boolean listable(ObjectNode listed) {
        return listed.path("pricing").path("prompt").isTextual() && listed.path("pricing").path("completion").isTextual();
    }

    /** {@code data} of {@code GET /api/v1/models/{author}/{slug}/endpoints}, from routing's answer. */
    static ObjectNode endpoints(ObjectNode model) {
        String id = model.path("id").asText();
        String name = model.path("name").asText(id);
        ObjectNode out = JSON.objectNode();
        out.put("id", id);
        out.put("name", name);
        out.put("created", 0);
        out.put("description", "");
        out.set("architecture", architecture(model.path("architecture"), true));
        ArrayNode endpoints = out.putArray("endpoints");
        model.path("endpoints").forEach(e -> endpoints.add(endpoint(id, name, (ObjectNode) e)));
        return out;
    }

    private static ObjectNode endpoint(String modelId, String modelName, ObjectNode e) {
        ObjectNode out = JSON.objectNode();
        out.put("name", e.path("name").asText());
        out.put("model_id", modelId);
        out.put("model_name", modelName);
        out.put("provider_name", e.path("provider_name").asText());
        out.put("tag", e.path("tag").asText());
        out.put("context_length", e.path("context_length").asInt());
        out.set("max_completion_tokens", intOrNull(e.path("max_completion_tokens")));
        out.putNull("max_prompt_tokens");
        out.set("pricing", e.path("pricing").deepCopy());
        out.set("quantization", e.path("quantization").isTextual() ? e.get("quantization") : JSON.nullNode());
        JsonNode parameters = strings(e.path("supported_parameters"));
        out.set("supported_parameters", parameters);
        boolean toolChoice = contains(parameters, "tool_choice");
        out.putObject("supports_tool_choice").put("auto", toolChoice).put("none", toolChoice)
                .put("required", toolChoice).put("function", toolChoice);
        out.put("supports_implicit_caching", false);
        out.put("supports_voice_cloning", false);
        out.put("status", e.path("status").asInt(0));
        out.set("uptime_last_30m", e.path("uptime_last_30m").isNumber() ? e.get("uptime_last_30m") : JSON.nullNode());
        out.putNull("uptime_last_5m");
        out.putNull("uptime_last_1d");
        out.set("latency_last_30m", percentiles(e.path("latency_last_30m")));
        out.set("throughput_last_30m", percentiles(e.path("throughput_last_30m")));
        return out;
    }

    /**
     * One provider of {@code GET /api/v1/providers}; routing's data policy, region and data region (the one
     * guardrails' allowed_data_regions match) stay beside.
     */
    static ObjectNode provider(ObjectNode p) {
        ObjectNode out = JSON.objectNode();
        out.put("name", p.path("name").asText(p.path("id").asText()));
        out.put("slug", p.path("id").asText());
        out.putNull("privacy_policy_url");
        out.putNull("terms_of_service_url");
        out.putNull("status_page_url");
        out.set("data_policy", p.path("data_policy").isObject() ? p.get("data_policy").deepCopy() : JSON.nullNode());
        out.set("region", p.path("region").isTextual() ? p.get("region") : JSON.nullNode());
        out.put("data_region", p.path("data_region").asText("global"));
        return out;
    }

    /**
     * OpenRouter's percentile object needs p50, p75, p90 and p99; routing measures fewer, so the
     * statistic is null (as for an endpoint without traffic) unless all four are known.
     */
    private static JsonNode percentiles(JsonNode stats) {
        for (String p : List.of("p50", "p75", "p90", "p99")) {
            if (!stats.path(p).isNumber()) {
                return JSON.nullNode();
            }
        }
        return stats.deepCopy();
    }

    private static ObjectNode architecture(JsonNode a, boolean nullTokenizer) {
        List<String> in = texts(a.path("input_modalities"));
        List<String> outModalities = texts(a.path("output_modalities"));
        if (in.isEmpty()) {
            in = List.of("text");
        }
        if (outModalities.isEmpty()) {
            outModalities = List.of("text");
        }
        ObjectNode out = JSON.objectNode();
        out.put("modality", String.join("+", in) + "->" + String.join("+", outModalities));
        ArrayNode inputs = out.putArray("input_modalities");
        in.forEach(inputs::add);
        ArrayNode outputs = out.putArray("output_modalities");
        outModalities.forEach(outputs::add);
        out.putNull("instruct_type");
        if (nullTokenizer) {
            out.putNull("tokenizer");
        }
        return out;
    }

    private static JsonNode intOrNull(JsonNode n) {
        return n.isInt() ? n : JSON.nullNode();
    }

    private static ArrayNode strings(JsonNode n) {
        ArrayNode out = JSON.arrayNode();
        texts(n).forEach(out::add);
        return out;
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> {
            if (v.isTextual()) {
                out.add(v.asText());
            }
        });
        return out;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (value.equals(v.asText())) {
                return true;
            }
        }
        return false;
    }
}
