package dev.atrium.gateway.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.routing.api.MaxPrice;
import dev.atrium.routing.api.ProviderPreferences;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the request's {@code provider} object, naming the field it rejects; a sort it does not set stays null
 * (the workspace's default then applies).
 */
final class ProviderPreferencesReader {

    private static final BigDecimal PER_MILLION = new BigDecimal(1_000_000);

    private ProviderPreferencesReader() {
    }

    static ProviderPreferences read(ObjectNode body) {
        JsonNode p = body.path("provider");
        if (p.isMissingNode() || p.isNull()) {
            return ProviderPreferences.none();
        }
        if (!p.isObject()) {
            throw ApiException.badRequest("provider", "provider must be an object");
        }
        return new ProviderPreferences(strings(p, "order"), strings(p, "only"), strings(p, "ignore"),
                bool(p, "allow_fallbacks"), sort(p.path("sort")), text(p, "data_collection", null),
                bool(p, "zdr"), strings(p, "quantizations"), maxPrice(p.path("max_price")),
                bool(p, "require_parameters"));
    }

    /** OpenRouter's {@code max_price} is in USD per million tokens; routing compares per token. */
    private static MaxPrice maxPrice(JsonNode max) {
        if (max.isMissingNode() || max.isNull()) {
            return null;
        }
        if (!max.isObject()) {
            throw ApiException.badRequest("provider.max_price",
                    "provider.max_price must be an object with prompt and completion (USD per million tokens)");
        }
        return new MaxPrice(perToken(max, "prompt"), perToken(max, "completion"));
    }

    private static BigDecimal perToken(JsonNode max, String side) {
        JsonNode value = max.path(side);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().signum() < 0) {
            throw ApiException.badRequest("provider.max_price." + side,
                    "provider.max_price." + side + " must be a non-negative number of USD per million tokens");
        }
        return value.decimalValue().divide(PER_MILLION);
    }

    /** {@code "price"}, or OpenRouter's {@code {"by": "price", "partition": ...}}, whose {@code by} is kept. */
    private static String sort(JsonNode sort) {
        if (sort.isMissingNode() || sort.isNull()) {
            return null;
        }
        if (sort.isObject() && sort.path("by").isTextual()) {
            return sort.path("by").asText();
        }
        if (!sort.isTextual()) {
            throw ApiException.badRequest("provider.sort",
                    "provider.sort must be price, throughput or latency, or {\"by\": ...}");
        }
        return sort.asText();
    }

    private static Boolean bool(JsonNode p, String field) {
        JsonNode value = p.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("provider." + field, "provider." + field + " must be true or false");
        }
        return value.asBoolean();
    }

    private static String text(JsonNode p, String field, String fallback) {
        JsonNode value = p.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("provider." + field, "provider." + field + " must be a string");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode p, String field) {
        JsonNode node = p.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("provider." + field, "provider." + field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw ApiException.badRequest("provider." + field,
                        "provider." + field + " must be an array of strings");
            }
            out.add(n.asText());
        }
        return out;
    }
}
