package dev.atrium.gateway.adapter.out.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI chat messages to Anthropic's {@code system} and {@code messages}: system and developer messages
 * join the system prompt; assistant tool calls become {@code tool_use} blocks; tool messages become
 * {@code tool_result} blocks of a user turn. Consecutive turns of one role are merged, as Anthropic wants
 * the roles to alternate (and several tool results answer one assistant turn together).
 */
final class AnthropicMessages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATA_URL = Pattern.compile("data:([^;,]+);base64,(.*)", Pattern.DOTALL);

    private final StringBuilder system = new StringBuilder();
    private final ArrayNode messages = NODES.arrayNode();

    private AnthropicMessages() {
    }

    static AnthropicMessages of(JsonNode openAiMessages) {
        AnthropicMessages out = new AnthropicMessages();
        int i = 0;
        for (JsonNode message : openAiMessages) {
            out.add(message, "messages[" + i++ + "]");
        }
        return out;
    }

    String system() {
        return system.toString();
    }

    /** The turns, a turn holding a single text as a plain string (Anthropic's short form). */
    ArrayNode messages() {
        for (JsonNode turn : messages) {
            JsonNode blocks = turn.get("content");
            if (blocks.size() == 1 && "text".equals(blocks.get(0).path("type").asText())) {
                ((ObjectNode) turn).set("content", blocks.get(0).get("text"));
            }
        }
        return messages;
    }

    private void add(JsonNode message, String field) {
        String role = message.path("role").asText();
        switch (role) {
            case "system", "developer" -> system.append(system.isEmpty() ? "" : "\n\n")
                    .append(text(message.path("content"), field + ".content"));
            case "assistant" -> assistant(message, field);
            case "tool" -> {
                ObjectNode result = NODES.objectNode().put("type", "tool_result")
                        .put("tool_use_id", message.path("tool_call_id").asText());
                String content = text(message.path("content"), field + ".content");
                if (!content.isEmpty()) {
                    result.put("content", content);
                }
                append("user", NODES.arrayNode().add(result));
            }
            case "user" -> user(message.path("content"), field + ".content");
            default -> throw new UntranslatableRequest(field + ".role", "unknown role " + role);
        }
    }

    private void user(JsonNode content, String field) {
        ArrayNode blocks = NODES.arrayNode();
        if (content.isTextual()) {
            appendText(blocks, content.asText());
        }
        int i = 0;
        for (JsonNode part : content) {
            String partField = field + "[" + i++ + "]";
            switch (part.path("type").asText()) {
                case "text" -> appendText(blocks, part.path("text").asText());
                case "image_url" -> blocks.add(image(part.path("image_url").path("url").asText(),
                        partField + ".image_url.url"));
                default -> throw new UntranslatableRequest(partField + ".type",
                        "Anthropic providers take text and image_url parts, not " + part.path("type").asText());
            }
        }
        append("user", blocks);
    }

    private void assistant(JsonNode message, String field) {
        ArrayNode blocks = NODES.arrayNode();
        // Anthropic refuses an empty text block: a tool-calling turn usually has no text.
        String text = text(message.path("content"), field + ".content");
        if (!text.isEmpty()) {
            appendText(blocks, text);
        }
        int i = 0;
        for (JsonNode call : message.path("tool_calls")) {
            String callField = field + ".tool_calls[" + i++ + "]";
            blocks.addObject().put("type", "tool_use").put("id", call.path("id").asText())
                    .put("name", call.path("function").path("name").asText())
                    .set("input", arguments(call.path("function").path("arguments"), callField + ".function.arguments"));
        }
        if (!blocks.isEmpty()) {
            append("assistant", blocks);
        }
    }

    private static JsonNode arguments(JsonNode arguments, String field) {
        if (arguments.isMissingNode() || arguments.isNull()
                || arguments.isTextual() && arguments.asText().isBlank()) {
            return NODES.objectNode();
        }
        if (arguments.isObject()) {
            return arguments;
        }
        try {
            JsonNode parsed = JSON.readTree(arguments.asText());
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new UntranslatableRequest(field, "must be a JSON object in a string, as the model produced it");
    }

    private static ObjectNode image(String url, String field) {
        ObjectNode block = NODES.objectNode().put("type", "image");
        Matcher data = DATA_URL.matcher(url);
        if (data.matches()) {
            block.putObject("source").put("type", "base64").put("media_type", data.group(1)).put("data", data.group(2));
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            block.putObject("source").put("type", "url").put("url", url);
        } else {
            throw new UntranslatableRequest(field, "must be an http(s) URL or a base64 data: URL");
        }
        return block;
    }

    /** Adds one message's blocks to the last turn when it has this role, else as a new turn. */
    private void append(String role, ArrayNode blocks) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        messages.addObject().put("role", role).set("content", blocks);
    }

    /** Adjacent text parts join into one block, as they were one text for the client. */
    private static void appendText(ArrayNode blocks, String text) {
        JsonNode last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        if (last != null && "text".equals(last.path("type").asText())) {
            ((ObjectNode) last).put("text", last.path("text").asText() + text);
        } else {
            blocks.addObject().put("type", "text").put("text", text);
        }
    }

    private static String text(JsonNode content, String field) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (type.equals("text")) {
                out.append(part.path("text").asText());
            } else if (type.equals("refusal")) {
                out.append(part.path("refusal").asText());
            } else {
                throw new UntranslatableRequest(field + "[" + i + "].type", "only text parts are allowed here, not " + type);
            }
            i++;
        }
        return out.toString();
    }
}
