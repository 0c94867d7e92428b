package dev.atrium.gateway.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.domain.ChatRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks an OpenAI chat request body, naming the field it rejects: the inbound side of chat
 * completions and explain. The use case gets the request read, and this reading to apply again to the body a
 * preset changes.
 */
public final class ChatRequestReader {

    private ChatRequestReader() {
    }

    /** The command for a client's body: read and checked here, before anything is resolved or held. */
    public static CompleteChatCommand command(String apiKey, ObjectNode body) {
        return new CompleteChatCommand(apiKey, read(body), body, ChatRequestReader::read);
    }

    public static ChatRequest read(ObjectNode body) {
        ChatRequestValidation.check(body);
        JsonNode model = body.get("model");
        if (model != null && !model.isNull() && (!model.isTextual() || model.asText().isBlank())) {
            throw ApiException.badRequest("model", "model must be a model id such as openai/gpt-4o-mini");
        }
        List<String> fallbacks = new ArrayList<>();
        JsonNode models = body.get("models");
        if (models != null && !models.isNull()) {
            if (!models.isArray()) {
                throw ApiException.badRequest("models", "models must be an array of model ids");
            }
            for (JsonNode m : models) {
                if (!m.isTextual() || m.asText().isBlank()) {
                    throw ApiException.badRequest("models", "models must be an array of model ids");
                }
                fallbacks.add(m.asText());
            }
        }
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiException.badRequest("messages", "messages must be a non-empty array");
        }
        long characters = 0;
        for (JsonNode message : messages) {
            if (!message.isObject() || !message.path("role").isTextual()) {
                throw ApiException.badRequest("messages", "every message needs a role");
            }
            characters += contentLength(message.path("content"));
        }
        Integer maxTokens = positiveInt(body, "max_completion_tokens");
        if (maxTokens == null) {
            maxTokens = positiveInt(body, "max_tokens");
        }
        // Its range was checked with the rest of the request (ChatRequestValidation).
        Integer n = positiveInt(body, "n");
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw ApiException.badRequest("stream", "stream must be true or false");
        }
        return new ChatRequest(model == null || model.isNull() ? null : model.asText(), fallbacks,
                stream != null && stream.asBoolean(), maxTokens, characters, plugins(body.get("plugins")),
                n == null ? 1 : n, ProviderPreferencesReader.read(body));
    }

    private static Map<String, Boolean> plugins(JsonNode plugins) {
        Map<String, Boolean> requested = new LinkedHashMap<>();
        if (plugins == null || plugins.isNull()) {
            return requested;
        }
        if (!plugins.isArray()) {
            throw ApiException.badRequest("plugins", "plugins must be an array of {\"id\": ...} objects");
        }
        for (JsonNode plugin : plugins) {
            if (!plugin.path("id").isTextual()) {
                throw ApiException.badRequest("plugins", "every plugin needs an id");
            }
            requested.put(plugin.path("id").asText(), plugin.path("enabled").asBoolean(true));
        }
        return requested;
    }

    private static long contentLength(JsonNode content) {
        if (content.isTextual()) {
            return content.asText().length();
        }
        long total = 0;
        for (JsonNode part : content) {
            total += part.path("text").asText("").length();
        }
        return total;
    }

    private static Integer positiveInt(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
            throw ApiException.badRequest(field, field + " must be a positive integer");
        }
        return value.asInt();
    }
}
