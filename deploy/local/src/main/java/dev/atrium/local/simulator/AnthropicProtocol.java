package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.List;

/** The Anthropic Messages API, with its named stream events. */
final class AnthropicProtocol implements Protocol {

    private final ObjectMapper json;

    AnthropicProtocol(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return "anthropic";
    }

    /**
     * The x-api-key header, or else a bearer token: the current official SDKs send an API key as
     * {@code Authorization: Bearer}, older ones and most gateways as x-api-key.
     */
    @Override
    public String credential(Headers headers) {
        String key = headers.getFirst("x-api-key");
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        return BearerToken.of(headers);
    }

    @Override
    public String missingCredentialMessage() {
        return "x-api-key header is required";
    }

    @Override
    public CompletionRequest parse(String provider, JsonNode body) throws InvalidRequest {
        if (!body.isObject()) {
            throw new InvalidRequest("request body must be a JSON object");
        }
        JsonNode model = body.path("model");
        if (!model.isTextual() || model.asText().isBlank()) {
            throw new InvalidRequest("model: Field required");
        }
        if (!body.hasNonNull("max_tokens")) {
            throw new InvalidRequest("max_tokens: Field required");
        }
        Integer maxTokens = RequestFields.positiveIntOrNull(body, "max_tokens");
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequest("messages: Field required");
        }
        long promptChars = RequestFields.text(body.path("system")).length();
        String lastUserText = "";
        for (JsonNode message : messages) {
            String role = message.path("role").asText("");
            if (!role.equals("user") && !role.equals("assistant")) {
                throw new InvalidRequest("messages: each message needs a role of user or assistant");
            }
            String text = RequestFields.text(message.path("content"));
            promptChars += text.length();
            if (role.equals("user")) {
                lastUserText = text;
            }
        }
        boolean stream = body.path("stream").asBoolean(false);
        return new CompletionRequest(provider, model.asText(), stream, false, maxTokens, promptChars, lastUserText);
    }

    @Override
    public ObjectNode answer(CompletionRequest request, Completion completion) {
        ObjectNode message = message(Ids.anthropicMessage(), request);
        message.putArray("content").addObject().put("type", "text").put("text", completion.text());
        message.put("stop_reason", stopReason(completion));
        message.putNull("stop_sequence");
        message.set("usage", usage(completion.promptTokens(), completion.completionTokens()));
        return message;
    }

    /**
     * message_start, content_block_start, ping, one content_block_delta per word,
     * content_block_stop, message_delta with the stop reason and the final output tokens,
     * message_stop: the order the real API sends.
     */
    @Override
    public List<StreamFrame> frames(CompletionRequest request, Completion completion) {
        List<StreamFrame> frames = new ArrayList<>(completion.completionTokens() + 6);

        ObjectNode message = message(Ids.anthropicMessage(), request);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        // Like the real API, the opening usage counts at most the first output token; the final
        // count comes with message_delta.
        message.set("usage", usage(completion.promptTokens(), Math.min(1, completion.completionTokens())));
        ObjectNode start = event("message_start");
        start.set("message", message);
        frames.add(frame(start));

        ObjectNode blockStart = event("content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        frames.add(frame(blockStart));
        frames.add(frame(event("ping")));

        for (int i = 0; i < completion.completionTokens(); i++) {
            ObjectNode delta = event("content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", completion.piece(i));
            frames.add(StreamFrame.token("content_block_delta", delta.toString()));
        }
        frames.add(frame(event("content_block_stop").put("index", 0)));

        ObjectNode messageDelta = event("message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason(completion)).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", completion.completionTokens());
        frames.add(frame(messageDelta));
        frames.add(frame(event("message_stop")));
        return frames;
    }

    @Override
    public ObjectNode error(int status, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("type", "error");
        body.putObject("error").put("type", errorType(status)).put("message", message);
        return body;
    }

    private static String errorType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    private ObjectNode message(String id, CompletionRequest request) {
        ObjectNode message = json.createObjectNode();
        message.put("id", id);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", request.model());
        return message;
    }

    private ObjectNode usage(int inputTokens, int outputTokens) {
        ObjectNode usage = json.createObjectNode();
        usage.put("input_tokens", inputTokens);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        usage.put("output_tokens", outputTokens);
        return usage;
    }

    private ObjectNode event(String type) {
        return json.createObjectNode().put("type", type);
    }

    private static StreamFrame frame(ObjectNode event) {
        return new StreamFrame(event.get("type").asText(), event.toString(), false);
    }

    private static String stopReason(Completion completion) {
        return completion.truncated() ? "max_tokens" : "end_turn";
    }
}
