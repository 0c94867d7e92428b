package dev.atrium.gateway.adapter.out.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Anthropic Messages stream events to OpenAI {@code chat.completion.chunk}s, usage last. */
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

    private static final class State {

        private String id = "msg";
        private long inputTokens;
        private boolean started;

        List<ObjectNode> translate(JsonNode event, String model) {
            List<ObjectNode> out = new ArrayList<>();
            switch (event.path("type").asText()) {
                case "message_start" -> {
                    id = event.path("message").path("id").asText(id);
                    inputTokens = event.path("message").path("usage").path("input_tokens").asLong();
                }
                case "content_block_delta" -> {
                    ObjectNode chunk = chunk(model);
                    ObjectNode delta = chunk.withArray("choices").addObject().put("index", 0).putObject("delta");
                    if (!started) {
                        delta.put("role", "assistant");
                        started = true;
                    }
                    delta.put("content", event.path("delta").path("text").asText(""));
                    out.add(chunk);
                }
                case "message_delta" -> {
                    ObjectNode finish = chunk(model);
                    ObjectNode choice = finish.withArray("choices").addObject().put("index", 0);
                    choice.putObject("delta");
                    String stop = event.path("delta").path("stop_reason").asText("end_turn");
                    choice.put("finish_reason", stop.equals("max_tokens") ? "length" : "stop");
                    out.add(finish);
                    long output = event.path("usage").path("output_tokens").asLong();
                    ObjectNode usage = chunk(model);
                    usage.putArray("choices");
                    usage.putObject("usage").put("prompt_tokens", inputTokens).put("completion_tokens", output)
                            .put("total_tokens", inputTokens + output);
                    out.add(usage);
                }
                case "error" -> throw new IllegalStateException("provider error mid-stream: "
                        + event.path("error").path("message").asText());
                default -> {
                    // ping, content_block_start/stop, message_stop carry nothing the client needs
                }
            }
            return out;
        }

        private ObjectNode chunk(String model) {
            ObjectNode chunk = NODES.objectNode();
            chunk.put("id", id).put("object", "chat.completion.chunk")
                    .put("created", System.currentTimeMillis() / 1000).put("model", model);
            return chunk;
        }
    }
}
