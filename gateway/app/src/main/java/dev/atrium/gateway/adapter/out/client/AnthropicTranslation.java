package dev.atrium.gateway.adapter.out.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI chat completions to Anthropic Messages and back (non-streaming answers; streams in
 * {@link AnthropicStreamTranslation}). Carries text, images, tools, tool calls and results,
 * {@code tool_choice}, {@code response_format}, {@code stop}, {@code temperature}, {@code top_p},
 * {@code max_tokens} and {@code user}; a request it cannot carry faithfully is refused
 * ({@link UntranslatableRequest}) rather than sent with parts missing.
 *
 * <p>{@code response_format} becomes a tool the model is made to call, whose input schema is the
 * requested schema: Anthropic has no JSON mode, and a forced tool call is the form it keeps to a
 * schema. Its input comes back as the message content, so the client sees a JSON answer.
 */
final class AnthropicTranslation {

    /** Anthropic requires max_tokens; OpenAI clients often leave it out. */
    static final int DEFAULT_MAX_TOKENS = 4096;

    /** The tool that carries a {@code response_format} answer; a client's tool may not take its name. */
    static final String RESPONSE_FORMAT_TOOL = "atrium_response_format";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnthropicTranslation() {
    }

    /** @throws UntranslatableRequest naming the field the adapter cannot carry */
    static ObjectNode request(ObjectNode openAi) {
        ObjectNode out = NODES.objectNode();
        out.put("model", openAi.path("model").asText());
        JsonNode maxTokens = openAi.has("max_completion_tokens") ? openAi.get("max_completion_tokens")
                : openAi.get("max_tokens");
        out.put("max_tokens", maxTokens != null && maxTokens.canConvertToInt() ? maxTokens.asInt() : DEFAULT_MAX_TOKENS);
        AnthropicMessages messages = AnthropicMessages.of(openAi.path("messages"));
        out.set("messages", messages.messages());
        if (!messages.system().isEmpty()) {
            out.put("system", messages.system());
        }
        copy(openAi, out, "temperature");
        copy(openAi, out, "top_p");
        JsonNode stop = openAi.path("stop");
        if (stop.isArray() && !stop.isEmpty()) {
            out.set("stop_sequences", stop);
        } else if (stop.isTextual()) {
            out.putArray("stop_sequences").add(stop.asText());
        }
        if (openAi.path("user").isTextual()) {
            out.putObject("metadata").put("user_id", openAi.get("user").asText());
        }
        tools(openAi, out);
        return out;
    }

    /**
     * {@code tools}, {@code tool_choice}, {@code parallel_tool_calls} and {@code response_format}, which
     * share Anthropic's tool list. With a response format and tools the model may call either kind
     * ({@code any}); with {@code tool_choice: none} it may call only the format's tool; a named tool
     * choice wins (the format applies to a later turn).
     */
    private static void tools(ObjectNode openAi, ObjectNode out) {
        ArrayNode tools = NODES.arrayNode();
        int i = 0;
        for (JsonNode tool : openAi.path("tools")) {
            tools.add(tool(tool, "tools[" + i++ + "]"));
        }
        ObjectNode format = responseFormat(openAi.path("response_format"));
        ObjectNode choice = toolChoice(openAi.path("tool_choice"));
        if (format != null) {
            tools.add(format);
            boolean named = choice != null && "tool".equals(choice.path("type").asText());
            if (!named) {
                choice = tools.size() == 1 || choice != null && "none".equals(choice.path("type").asText())
                        ? NODES.objectNode().put("type", "tool").put("name", RESPONSE_FORMAT_TOOL)
                        : NODES.objectNode().put("type", "any");
            }
        }
        if (tools.isEmpty()) {
            return;
        }
        out.set("tools", tools);
        if (openAi.path("parallel_tool_calls").isBoolean() && !openAi.get("parallel_tool_calls").asBoolean()) {
            choice = choice == null ? NODES.objectNode().put("type", "auto") : choice;
            if (!"none".equals(choice.path("type").asText())) {
                choice.put("disable_parallel_tool_use", true);
            }
        }
        if (choice != null) {
            out.set("tool_choice", choice);
        }
    }

    private static ObjectNode tool(JsonNode tool, String field) {
        if (!"function".equals(tool.path("type").asText())) {
            throw new UntranslatableRequest(field + ".type", "Anthropic providers take function tools only");
        }
        JsonNode function = tool.path("function");
        String name = function.path("name").asText();
        if (name.equals(RESPONSE_FORMAT_TOOL)) {
            throw new UntranslatableRequest(field + ".function.name", name + " is reserved for response_format");
        }
        ObjectNode out = NODES.objectNode().put("name", name);
        if (function.path("description").isTextual()) {
            out.put("description", function.get("description").asText());
        }
        JsonNode parameters = function.path("parameters");
        if (parameters.isObject()) {
            out.set("input_schema", parameters);
        } else {
            out.putObject("input_schema").put("type", "object").putObject("properties");
        }
        return out;
    }

    private static ObjectNode toolChoice(JsonNode choice) {
        if (choice.isTextual()) {
            return switch (choice.asText()) {
                case "auto" -> NODES.objectNode().put("type", "auto");
                case "none" -> NODES.objectNode().put("type", "none");
                case "required" -> NODES.objectNode().put("type", "any");
                default -> throw new UntranslatableRequest("tool_choice", "must be auto, none, required or a function");
            };
        }
        if (choice.isObject()) {
            String name = choice.path("function").path("name").asText("");
            if (!"function".equals(choice.path("type").asText()) || name.isEmpty()) {
                throw new UntranslatableRequest("tool_choice", "must name a function: {type: function, function: {name}}");
            }
            return NODES.objectNode().put("type", "tool").put("name", name);
        }
        return null;
    }

    /** The tool standing for a JSON answer; null for plain text. */
    private static ObjectNode responseFormat(JsonNode format) {
        String type = format.path("type").asText("text");
        ObjectNode tool = NODES.objectNode().put("name", RESPONSE_FORMAT_TOOL);
        switch (type) {
            case "text" -> {
                return null;
            }
            case "json_object" -> {
                tool.put("description", "Give your answer as this tool's input: a JSON object.");
                tool.putObject("input_schema").put("type", "object");
            }
            case "json_schema" -> {
                JsonNode spec = format.path("json_schema");
                JsonNode schema = spec.path("schema");
                if (!schema.isObject() || !"object".equals(schema.path("type").asText())) {
                    throw new UntranslatableRequest("response_format.json_schema.schema",
                            "must be a JSON schema of type object");
                }
                String description = spec.path("description").asText("");
                tool.put("description", "Give your answer as this tool's input"
                        + (spec.path("name").isTextual() ? " (" + spec.get("name").asText() + ")" : "")
                        + (description.isEmpty() ? "." : ": " + description));
                tool.set("input_schema", schema);
            }
            default -> throw new UntranslatableRequest("response_format.type",
                    "must be text, json_object or json_schema");
        }
        return tool;
    }

    /** An Anthropic message as an OpenAI chat completion; the response-format tool's input becomes the content. */
    static ObjectNode response(JsonNode anthropic, String requestedModel) {
        StringBuilder text = new StringBuilder();
        ArrayNode calls = NODES.arrayNode();
        for (JsonNode block : anthropic.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> {
                    if (RESPONSE_FORMAT_TOOL.equals(block.path("name").asText())) {
                        text.append(block.path("input").toString());
                    } else {
                        ObjectNode call = calls.addObject().put("id", block.path("id").asText()).put("type", "function");
                        call.putObject("function").put("name", block.path("name").asText())
                                .put("arguments", block.path("input").isMissingNode() ? "{}" : block.get("input").toString());
                    }
                }
                default -> {
                    // thinking blocks and server tool results have no place in a chat completion
                }
            }
        }
        ObjectNode out = NODES.objectNode();
        out.put("id", anthropic.path("id").asText());
        out.put("object", "chat.completion");
        out.put("created", System.currentTimeMillis() / 1000);
        out.put("model", requestedModel);
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (text.isEmpty() && !calls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        if (!calls.isEmpty()) {
            message.set("tool_calls", calls);
        }
        choice.put("finish_reason", finishReason(anthropic.path("stop_reason").asText(), !calls.isEmpty()));
        out.set("usage", usage(anthropic.path("usage"), anthropic.path("usage")));
        return out;
    }

    /** @param calledTools whether the client's tools were called (the response-format tool is an answer) */
    static String finishReason(String stopReason, boolean calledTools) {
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> calledTools ? "tool_calls" : "stop";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /**
     * OpenAI usage from Anthropic's: OpenAI's prompt tokens include the cached ones, Anthropic's
     * {@code input_tokens} counts only those after the last cache breakpoint.
     *
     * @param input  the usage carrying the input counts (a stream's {@code message_start})
     * @param output the usage carrying {@code output_tokens}
     */
    static ObjectNode usage(JsonNode input, JsonNode output) {
        long cached = input.path("cache_read_input_tokens").asLong();
        long prompt = input.path("input_tokens").asLong() + cached + input.path("cache_creation_input_tokens").asLong();
        long completion = output.path("output_tokens").asLong();
        ObjectNode usage = NODES.objectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cached);
        return usage;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }
}
