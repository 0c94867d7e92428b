package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Anthropic Messages API, with its named stream events. Offered tools, the simulated model calls the
 * first one (or the one {@code tool_choice} names) until the conversation brings tool results back.
 */
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
        Set<String> openToolUses = new HashSet<>();
        for (JsonNode message : messages) {
            String role = message.path("role").asText("");
            if (!role.equals("user") && !role.equals("assistant")) {
                throw new InvalidRequest("messages: each message needs a role of user or assistant");
            }
            JsonNode content = message.path("content");
            // As the real API: an empty turn is refused, and a tool result answers a tool use of the turn before.
            if (content.isArray() && content.isEmpty() || content.isTextual() && content.asText().isEmpty()) {
                throw new InvalidRequest("messages: all messages must have non-empty content");
            }
            Set<String> toolUses = new HashSet<>();
            for (JsonNode block : content) {
                String type = block.path("type").asText();
                if (type.equals("tool_use")) {
                    toolUses.add(block.path("id").asText());
                } else if (type.equals("tool_result") && !openToolUses.contains(block.path("tool_use_id").asText())) {
                    throw new InvalidRequest("messages: tool_result " + block.path("tool_use_id").asText()
                            + " has no corresponding tool_use block in the previous message");
                }
                promptChars += RequestFields.text(block.path("content")).length();
            }
            openToolUses = toolUses;
            String text = RequestFields.text(content);
            promptChars += text.length();
            if (role.equals("user")) {
                lastUserText = text;
            }
        }
        boolean stream = body.path("stream").asBoolean(false);
        return new CompletionRequest(provider, model.asText(), stream, false, maxTokens, promptChars, lastUserText,
                toolCall(body, messages.get(messages.size() - 1)));
    }

    /**
     * The simulated model calls the first offered tool unless the last turn brings tool results (or
     * {@code tool_choice} is none): its input gives every string property of the schema the value "simulated".
     */
    private CompletionRequest.ToolCall toolCall(JsonNode body, JsonNode lastMessage) {
        JsonNode tools = body.path("tools");
        String choice = body.path("tool_choice").path("type").asText("auto");
        if (!tools.isArray() || tools.isEmpty() || choice.equals("none")) {
            return null;
        }
        for (JsonNode block : lastMessage.path("content")) {
            if ("tool_result".equals(block.path("type").asText())) {
                return null;
            }
        }
        JsonNode tool = tools.get(0);
        if (choice.equals("tool")) {
            for (JsonNode t : tools) {
                if (t.path("name").asText().equals(body.path("tool_choice").path("name").asText())) {
                    tool = t;
                }
            }
        }
        ObjectNode input = json.createObjectNode();
        tool.path("input_schema").path("properties").fields().forEachRemaining(p -> {
            if ("string".equals(p.getValue().path("type").asText())) {
                input.put(p.getKey(), "simulated");
            }
        });
        return new CompletionRequest.ToolCall(Ids.anthropicToolUse(), tool.path("name").asText(), input);
    }

    @Override
    public ObjectNode answer(CompletionRequest request, Completion completion) {
        ObjectNode message = message(Ids.anthropicMessage(), request);
        CompletionRequest.ToolCall call = request.toolCall();
        if (call != null) {
            message.putArray("content").addObject().put("type", "tool_use").put("id", call.id())
                    .put("name", call.name()).set("input", call.input());
        } else {
            message.putArray("content").addObject().put("type", "text").put("text", completion.text());
        }
        message.put("stop_reason", call != null ? "tool_use" : stopReason(completion));
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

        CompletionRequest.ToolCall call = request.toolCall();
        ObjectNode blockStart = event("content_block_start").put("index", 0);
        if (call != null) {
            blockStart.putObject("content_block").put("type", "tool_use").put("id", call.id()).put("name", call.name())
                    .putObject("input");
        } else {
            blockStart.putObject("content_block").put("type", "text").put("text", "");
        }
        frames.add(frame(blockStart));
        frames.add(frame(event("ping")));

        if (call != null) {
            // The input in two pieces, as the real API cuts it anywhere.
            String input = call.input().toString();
            for (String piece : List.of("", input.substring(0, input.length() / 2), input.substring(input.length() / 2))) {
                ObjectNode delta = event("content_block_delta").put("index", 0);
                delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
                frames.add(frame(delta));
            }
        } else {
            for (int i = 0; i < completion.completionTokens(); i++) {
                ObjectNode delta = event("content_block_delta").put("index", 0);
                delta.putObject("delta").put("type", "text_delta").put("text", completion.piece(i));
                frames.add(StreamFrame.token("content_block_delta", delta.toString()));
            }
        }
        frames.add(frame(event("content_block_stop").put("index", 0)));

        ObjectNode messageDelta = event("message_delta");
        messageDelta.putObject("delta").put("stop_reason", call != null ? "tool_use" : stopReason(completion))
                .putNull("stop_sequence");
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
