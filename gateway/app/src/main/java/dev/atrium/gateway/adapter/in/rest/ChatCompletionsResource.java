package dev.atrium.gateway.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.domain.ChatRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/v1/chat/completions}, authenticated by an Atrium API key. */
@Path("/api/v1")
class ChatCompletionsResource {

    private final CompleteChatUseCase completeChat;

    ChatCompletionsResource(CompleteChatUseCase completeChat) {
        this.completeChat = completeChat;
    }

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> complete(@HeaderParam("Authorization") String authorization, JsonNode body) {
        String apiKey = ApiKeyHeader.read(authorization);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "The body must be a JSON object");
        }
        ChatRequest request = read((ObjectNode) body);
        return completeChat.complete(new CompleteChatCommand(apiKey, request, (ObjectNode) body));
    }

    static ChatRequest read(ObjectNode body) {
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
        boolean stream = body.path("stream").asBoolean(false);
        if (stream) {
            throw ApiException.badRequest("stream", "Streaming is not available yet; send stream: false");
        }
        return new ChatRequest(model == null || model.isNull() ? null : model.asText(), fallbacks, false, maxTokens,
                characters);
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
