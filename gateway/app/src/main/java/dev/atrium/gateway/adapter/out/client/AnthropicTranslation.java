package dev.atrium.gateway.adapter.out.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI chat completions to Anthropic Messages and back (text content, non-streaming). */
final class AnthropicTranslation {

    /** Anthropic requires max_tokens; OpenAI clients often leave it out. */
    static final int DEFAULT_MAX_TOKENS = 4096;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnthropicTranslation() {
    }

    static ObjectNode request(ObjectNode openAi) {
        ObjectNode out = NODES.objectNode();
        out.put("model", openAi.path("model").asText());
        JsonNode maxTokens = openAi.has("max_completion_tokens") ? openAi.get("max_completion_tokens")
                : openAi.get("max_tokens");
        out.put("max_tokens", maxTokens != null && maxTokens.canConvertToInt() ? maxTokens.asInt() : DEFAULT_MAX_TOKENS);
        StringBuilder system = new StringBuilder();
        ArrayNode messages = out.putArray("messages");
        for (JsonNode message : openAi.path("messages")) {
            String role = message.path("role").asText();
            String text = text(message.path("content"));
            if (role.equals("system") || role.equals("developer")) {
                system.append(system.isEmpty() ? "" : "\n\n").append(text);
            } else {
                messages.addObject().put("role", role.equals("assistant") ? "assistant" : "user").put("content", text);
            }
        }
        if (!system.isEmpty()) {
            out.put("system", system.toString());
        }
        copy(openAi, out, "temperature");
        copy(openAi, out, "top_p");
        if (openAi.has("stop")) {
            JsonNode stop = openAi.get("stop");
            out.set("stop_sequences", stop.isArray() ? stop : NODES.arrayNode().add(stop.asText()));
        }
        return out;
    }

    static ObjectNode response(JsonNode anthropic, String requestedModel) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : anthropic.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        ObjectNode out = NODES.objectNode();
        out.put("id", anthropic.path("id").asText());
        out.put("object", "chat.completion");
        out.put("created", System.currentTimeMillis() / 1000);
        out.put("model", requestedModel);
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text.toString());
        choice.put("finish_reason", finishReason(anthropic.path("stop_reason").asText()));
        long prompt = anthropic.path("usage").path("input_tokens").asLong();
        long completion = anthropic.path("usage").path("output_tokens").asLong();
        out.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return out;
    }

    private static String finishReason(String stopReason) {
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            default -> "stop";
        };
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                out.append(part.path("text").asText());
            }
        }
        return out.toString();
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }
}
