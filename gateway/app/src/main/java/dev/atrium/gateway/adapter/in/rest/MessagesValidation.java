package dev.atrium.gateway.adapter.in.rest;

import static dev.atrium.gateway.adapter.in.rest.ChatRequestValidation.bad;
import static dev.atrium.gateway.adapter.in.rest.ChatRequestValidation.present;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** The chat request's {@code messages}, part of {@link ChatRequestValidation}: each one's role, content and tool fields. */
final class MessagesValidation {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    private MessagesValidation() {
    }

    /** Each message an object with a known role and a content its role allows; the total text length. */
    static long check(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw bad("messages", "messages must be a non-empty array");
        }
        long characters = 0;
        for (int i = 0; i < messages.size(); i++) {
            String field = "messages[" + i + "]";
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                throw bad(field, field + " must be an object with a role and a content");
            }
            JsonNode role = message.get("role");
            if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
                throw bad(field + ".role", field + ".role must be one of system, developer, user, assistant, tool, function");
            }
            JsonNode content = message.get("content");
            boolean mayBeEmpty = role.asText().equals("assistant") || role.asText().equals("function");
            if (!present(content)) {
                if (!mayBeEmpty) {
                    throw bad(field + ".content", field + ".content is required for the role " + role.asText());
                }
            } else if (content.isTextual()) {
                characters += content.asText().length();
            } else if (content.isArray()) {
                characters += parts(content, field + ".content");
            } else {
                throw bad(field + ".content", field + ".content must be a string or an array of content parts");
            }
            JsonNode name = message.get("name");
            if (present(name) && !name.isTextual()) {
                throw bad(field + ".name", field + ".name must be a string");
            }
            JsonNode toolCalls = message.get("tool_calls");
            if (present(toolCalls) && (!toolCalls.isArray() || !allObjects(toolCalls))) {
                throw bad(field + ".tool_calls", field + ".tool_calls must be an array of objects");
            }
            JsonNode toolCallId = message.get("tool_call_id");
            if (present(toolCallId) && !toolCallId.isTextual()) {
                throw bad(field + ".tool_call_id", field + ".tool_call_id must be a string");
            }
        }
        return characters;
    }

    private static long parts(JsonNode parts, String field) {
        long characters = 0;
        for (int j = 0; j < parts.size(); j++) {
            JsonNode part = parts.get(j);
            if (!part.isObject() || !part.path("type").isTextual()) {
                throw bad(field, field + "[" + j + "] must be an object with a type");
            }
            JsonNode text = part.get("text");
            if (present(text)) {
                if (!text.isTextual()) {
                    throw bad(field, field + "[" + j + "].text must be a string");
                }
                characters += text.asText().length();
            }
        }
        return characters;
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isObject()) {
                return false;
            }
        }
        return true;
    }
}
