package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** OpenAI Chat Completions, shaped closely enough for the official SDKs to parse. */
final class OpenAiProtocol implements Protocol {

    private static final String FINGERPRINT = "fp_atrium_sim";

    private final ObjectMapper json;
    private final Clock clock;

    OpenAiProtocol(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String credential(Headers headers) {
        return BearerToken.of(headers);
    }

    @Override
    public String missingCredentialMessage() {
        return "You didn't provide an API key. You need to provide your API key in an Authorization header"
                + " using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
    }

    @Override
    public CompletionRequest parse(String provider, JsonNode body) throws InvalidRequest {
        if (!body.isObject()) {
            throw new InvalidRequest("The request body must be a JSON object.");
        }
        JsonNode model = body.path("model");
        if (!model.isTextual() || model.asText().isBlank()) {
            throw new InvalidRequest("you must provide a model parameter");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequest("Missing required parameter: 'messages'.");
        }
        long promptChars = 0;
        String lastUserText = "";
        for (JsonNode message : messages) {
            if (!message.path("role").isTextual()) {
                throw new InvalidRequest("Missing required parameter: 'messages[].role'.");
            }
            String text = RequestFields.text(message.path("content"));
            promptChars += text.length();
            if ("user".equals(message.get("role").asText())) {
                lastUserText = text;
            }
        }
        // The newer name wins, as it does at OpenAI, where max_tokens is deprecated.
        String limitName = body.hasNonNull("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        Integer maxTokens = RequestFields.positiveIntOrNull(body, limitName);
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        return new CompletionRequest(provider, model.asText(), stream, includeUsage, maxTokens,
                promptChars, lastUserText);
    }

    @Override
    public ObjectNode answer(CompletionRequest request, Completion completion) {
        ObjectNode body = header(Ids.openAiCompletion(), clock.instant().getEpochSecond(), "chat.completion",
                request);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", completion.text());
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(completion));
        body.set("usage", usage(completion));
        return body;
    }

    /**
     * A role chunk, one chunk per word, a chunk with an empty delta and the finish reason (as
     * OpenAI sends it), the usage chunk with no choices when asked for, then [DONE].
     */
    @Override
    public List<StreamFrame> frames(CompletionRequest request, Completion completion) {
        String id = Ids.openAiCompletion();
        long created = clock.instant().getEpochSecond();
        List<StreamFrame> frames = new ArrayList<>(completion.completionTokens() + 4);
        ObjectNode role = json.createObjectNode().put("role", "assistant").put("content", "");
        frames.add(StreamFrame.data(chunk(id, created, request, role, null).toString()));
        for (int i = 0; i < completion.completionTokens(); i++) {
            ObjectNode word = json.createObjectNode().put("content", completion.piece(i));
            frames.add(StreamFrame.token(null, chunk(id, created, request, word, null).toString()));
        }
        ObjectNode finish = chunk(id, created, request, json.createObjectNode(), finishReason(completion));
        frames.add(StreamFrame.data(finish.toString()));
        if (request.includeUsage()) {
            ObjectNode usage = header(id, created, "chat.completion.chunk", request);
            usage.putArray("choices");
            usage.set("usage", usage(completion));
            frames.add(StreamFrame.data(usage.toString()));
        }
        frames.add(StreamFrame.data("[DONE]"));
        return frames;
    }

    @Override
    public ObjectNode error(int status, String message) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        switch (status) {
            case 401 -> error.put("type", "invalid_request_error").putNull("param").put("code", "invalid_api_key");
            case 404 -> error.put("type", "invalid_request_error").putNull("param").put("code", "model_not_found");
            case 429 -> error.put("type", "requests").putNull("param").put("code", "rate_limit_exceeded");
            default -> error.put("type", status >= 500 ? "server_error" : "invalid_request_error")
                    .putNull("param").putNull("code");
        }
        return body;
    }

    private ObjectNode chunk(String id, long created, CompletionRequest request, ObjectNode delta,
                             String finishReason) {
        ObjectNode chunk = header(id, created, "chat.completion.chunk", request);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        // Once usage was asked for, OpenAI marks every chunk but the usage one with a null usage.
        if (request.includeUsage()) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private ObjectNode header(String id, long created, String object, CompletionRequest request) {
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("object", object);
        node.put("created", created);
        node.put("model", request.model());
        node.put("system_fingerprint", FINGERPRINT);
        return node;
    }

    private ObjectNode usage(Completion completion) {
        ObjectNode usage = json.createObjectNode();
        usage.put("prompt_tokens", completion.promptTokens());
        usage.put("completion_tokens", completion.completionTokens());
        usage.put("total_tokens", completion.promptTokens() + completion.completionTokens());
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        return usage;
    }

    private static String finishReason(Completion completion) {
        return completion.truncated() ? "length" : "stop";
    }
}
