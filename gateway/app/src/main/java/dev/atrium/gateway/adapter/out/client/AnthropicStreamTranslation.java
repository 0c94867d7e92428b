package dev.atrium.gateway.adapter.out.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Anthropic Messages stream events to OpenAI {@code chat.completion.chunk}s, usage last: text deltas
 * become content, a {@code tool_use} block becomes a tool call (name first, then its arguments piece by
 * piece), the response-format tool's arguments become content.
 */
final class AnthropicStreamTranslation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnthropicStreamTranslation() {
    }

    static Multi<ObjectNode> chunks(Multi<SseLines.Event> events, ObjectMapper json, String model) {
        return Multi.createFrom().deferred(() -> {
            State state = new State();
            return events.onItem().transformToIterable(e -> state.translate(read(json, e.data()), model));
        });
    }

    private static JsonNode read(ObjectMapper json, String data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable event from the provider", e);
        }
    }

    /**
     * What the events so far said: the message id, the input usage, and which content blocks are tool
     * calls (their index among the calls, as OpenAI numbers them) or the response-format answer.
     */
    private static final class State {

        private String id = "msg";
        private JsonNode inputUsage = NODES.objectNode();
        private boolean started;
        private final Map<Integer, Integer> toolCalls = new HashMap<>();
        private final Set<Integer> formatAnswers = new HashSet<>();
        /** Blocks whose arguments have not started yet: a call without arguments still gets "{}". */
        private final Set<Integer> withoutArguments = new HashSet<>();

        List<ObjectNode> translate(JsonNode event, String model) {
            List<ObjectNode> out = new ArrayList<>();
            int index = event.path("index").asInt();
            switch (event.path("type").asText()) {
                case "message_start" -> {
                    id = event.path("message").path("id").asText(id);
                    inputUsage = event.path("message").path("usage");
                }
                case "content_block_start" -> {
                    JsonNode block = event.path("content_block");
                    if (!"tool_use".equals(block.path("type").asText())) {
                        break;
                    }
                    withoutArguments.add(index);
                    if (AnthropicTranslation.RESPONSE_FORMAT_TOOL.equals(block.path("name").asText())) {
                        formatAnswers.add(index);
                        break;
                    }
                    int call = toolCalls.size();
                    toolCalls.put(index, call);
                    ObjectNode toolCall = delta(out, model).putArray("tool_calls").addObject().put("index", call)
                            .put("id", block.path("id").asText()).put("type", "function");
                    toolCall.putObject("function").put("name", block.path("name").asText()).put("arguments", "");
                }
                case "content_block_delta" -> {
                    JsonNode delta = event.path("delta");
                    switch (delta.path("type").asText()) {
                        case "text_delta" -> delta(out, model).put("content", delta.path("text").asText(""));
                        case "input_json_delta" -> arguments(out, model, index, delta.path("partial_json").asText(""));
                        default -> {
                            // thinking and signature deltas have no place in a chat completion chunk
                        }
                    }
                }
                case "content_block_stop" -> {
                    if (withoutArguments.contains(index)) {
                        arguments(out, model, index, "{}");
                    }
                }
                case "message_delta" -> {
                    ObjectNode finish = chunk(model);
                    ObjectNode choice = finish.withArray("choices").addObject().put("index", 0);
                    choice.putObject("delta");
                    choice.put("finish_reason", AnthropicTranslation.finishReason(
                            event.path("delta").path("stop_reason").asText("end_turn"), !toolCalls.isEmpty()));
                    out.add(finish);
                    // Later API versions repeat the input counts here; they win over message_start's.
                    JsonNode usage = event.path("usage");
                    ObjectNode last = chunk(model);
                    last.putArray("choices");
                    last.set("usage", AnthropicTranslation.usage(usage.has("input_tokens") ? usage : inputUsage, usage));
                    out.add(last);
                }
                case "error" -> throw new IllegalStateException("provider error mid-stream: "
                        + event.path("error").path("message").asText());
                default -> {
                    // ping and message_stop carry nothing the client needs
                }
            }
            return out;
        }

        /** A tool call's next piece of arguments; the response-format answer's pieces are content. */
        private void arguments(List<ObjectNode> out, String model, int index, String partial) {
            if (partial.isEmpty()) {
                return;
            }
            withoutArguments.remove(index);
            if (formatAnswers.contains(index)) {
                delta(out, model).put("content", partial);
            } else if (toolCalls.containsKey(index)) {
                delta(out, model).putArray("tool_calls").addObject().put("index", toolCalls.get(index))
                        .putObject("function").put("arguments", partial);
            }
        }

        /** A new chunk's delta, the first one saying the role. */
        private ObjectNode delta(List<ObjectNode> out, String model) {
            ObjectNode chunk = chunk(model);
            out.add(chunk);
            ObjectNode delta = chunk.withArray("choices").addObject().put("index", 0).putObject("delta");
            if (!started) {
                delta.put("role", "assistant");
                started = true;
            }
            return delta;
        }

        private ObjectNode chunk(String model) {
            ObjectNode chunk = NODES.objectNode();
            chunk.put("id", id).put("object", "chat.completion.chunk")
                    .put("created", System.currentTimeMillis() / 1000).put("model", model);
            return chunk;
        }
    }
}
