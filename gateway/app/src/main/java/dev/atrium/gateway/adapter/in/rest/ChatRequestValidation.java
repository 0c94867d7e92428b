package dev.atrium.gateway.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAI chat request's parameters checked by type and range before anything is held or
 * forwarded: a provider given {@code temperature: "hot"} answers with its own error after the
 * reservation, or worse, answers 200. Fields this schema does not name are passed through for the
 * providers that take them, but are still bounded (nesting depth, number size) so that nothing in
 * the body can fail the gateway itself.
 */
final class ChatRequestValidation {

    /** The most text the guardrail scans in one request (docs/security.md, "Bad input"). */
    public static final int MAX_PROMPT_CHARACTERS = 1_000_000;
    public static final int MAX_CHOICES = 16;
    static final int MAX_DEPTH = 64;
    static final int MAX_STOP = 4;
    static final int MAX_USER = 256;
    /** Jackson refuses to write a plain BigDecimal beyond this scale; a body holding one could not be forwarded. */
    static final int MAX_NUMBER_SCALE = 9999;

    private static final Set<String> TOOL_CHOICES = Set.of("none", "auto", "required");

    private ChatRequestValidation() {
    }

    public static void check(ObjectNode body) {
        bounded(body, "body", 0);
        long characters = MessagesValidation.check(body.get("messages"));
        if (characters > MAX_PROMPT_CHARACTERS) {
            throw new ApiException(413, "The messages hold " + characters + " characters of text; at most "
                    + MAX_PROMPT_CHARACTERS + " are accepted", Map.of("field", "messages"));
        }
        number(body, "temperature", 0, 2);
        number(body, "top_p", 0, 1);
        number(body, "presence_penalty", -2, 2);
        number(body, "frequency_penalty", -2, 2);
        number(body, "repetition_penalty", 0, 2);
        number(body, "min_p", 0, 1);
        number(body, "top_a", 0, 1);
        integer(body, "n", 1, MAX_CHOICES);
        integer(body, "max_tokens", 1, Integer.MAX_VALUE);
        integer(body, "max_completion_tokens", 1, Integer.MAX_VALUE);
        integer(body, "top_k", 0, Integer.MAX_VALUE);
        integer(body, "top_logprobs", 0, 20);
        integer(body, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        bool(body, "stream");
        bool(body, "logprobs");
        bool(body, "parallel_tool_calls");
        object(body, "stream_options");
        object(body, "metadata");
        stop(body.get("stop"));
        tools(body.get("tools"));
        toolChoice(body.get("tool_choice"));
        responseFormat(body.get("response_format"));
        logitBias(body.get("logit_bias"));
        JsonNode user = body.get("user");
        if (present(user) && (!user.isTextual() || user.asText().length() > MAX_USER)) {
            throw bad("user", "user must be a string of at most " + MAX_USER + " characters");
        }
    }

    private static void stop(JsonNode stop) {
        if (!present(stop) || stop.isTextual()) {
            return;
        }
        if (!stop.isArray() || stop.size() > MAX_STOP) {
            throw bad("stop", "stop must be a string or an array of at most " + MAX_STOP + " strings");
        }
        for (JsonNode s : stop) {
            if (!s.isTextual()) {
                throw bad("stop", "stop must be a string or an array of at most " + MAX_STOP + " strings");
            }
        }
    }

    private static void tools(JsonNode tools) {
        if (!present(tools)) {
            return;
        }
        if (!tools.isArray()) {
            throw bad("tools", "tools must be an array of {\"type\":\"function\",\"function\":{\"name\":...}}");
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            if (!tool.isObject() || !"function".equals(tool.path("type").asText(null))
                    || !tool.path("function").isObject() || !tool.path("function").path("name").isTextual()
                    || tool.path("function").path("name").asText().isBlank()) {
                throw bad("tools[" + i + "]", "tools[" + i + "] must be {\"type\":\"function\",\"function\":{\"name\":...}}");
            }
        }
    }

    private static void toolChoice(JsonNode choice) {
        if (!present(choice)) {
            return;
        }
        if (choice.isTextual() ? !TOOL_CHOICES.contains(choice.asText())
                : !choice.isObject() || !choice.path("type").isTextual()) {
            throw bad("tool_choice", "tool_choice must be none, auto, required or {\"type\":\"function\",\"function\":{\"name\":...}}");
        }
    }

    private static void responseFormat(JsonNode format) {
        if (present(format) && (!format.isObject() || !format.path("type").isTextual())) {
            throw bad("response_format", "response_format must be an object with a type");
        }
    }

    private static void logitBias(JsonNode bias) {
        if (!present(bias)) {
            return;
        }
        if (!bias.isObject()) {
            throw bad("logit_bias", "logit_bias must map token ids to numbers from -100 to 100");
        }
        for (JsonNode value : bias) {
            if (!value.isNumber() || value.decimalValue().abs().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw bad("logit_bias", "logit_bias must map token ids to numbers from -100 to 100");
            }
        }
    }

    private static void number(ObjectNode body, String field, double min, double max) {
        JsonNode value = body.get(field);
        if (!present(value)) {
            return;
        }
        if (!value.isNumber() || value.decimalValue().compareTo(BigDecimal.valueOf(min)) < 0
                || value.decimalValue().compareTo(BigDecimal.valueOf(max)) > 0) {
            throw bad(field, field + " must be a number from " + plain(min) + " to " + plain(max));
        }
    }

    private static void integer(ObjectNode body, String field, long min, long max) {
        JsonNode value = body.get(field);
        if (!present(value)) {
            return;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw bad(field, field + (max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                    ? min == 1 ? " must be a positive integer" : " must be an integer of at least " + min
                    : " must be an integer from " + min + " to " + max));
        }
    }

    private static void bool(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (present(value) && !value.isBoolean()) {
            throw bad(field, field + " must be true or false");
        }
    }

    private static void object(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (present(value) && !value.isObject()) {
            throw bad(field, field + " must be an object");
        }
    }

    /** Any part of the body, named or not: nested at most {@value #MAX_DEPTH} deep, numbers Jackson can write. */
    private static void bounded(JsonNode node, String field, int depth) {
        if (depth > MAX_DEPTH) {
            throw bad(field, "The body is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node.isBigDecimal() && Math.abs(node.decimalValue().scale()) > MAX_NUMBER_SCALE) {
            throw bad(field, field + " is a number out of range");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> child = it.next();
                bounded(child.getValue(), depth == 0 ? child.getKey() : field, depth + 1);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                bounded(child, field, depth + 1);
            }
        }
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static ApiException bad(String field, String message) {
        return ApiException.badRequest(field, message);
    }
}
