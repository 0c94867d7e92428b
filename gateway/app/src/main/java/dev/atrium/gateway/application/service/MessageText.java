package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.atrium.guardrail.api.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says which texts of a chat body the content filters scan: every string the
 * provider (or, for an answer, the client) would read, joined by a newline, each remembered by its
 * JSON location so a redaction lands in the string it came from, whatever the message's form.
 *
 * <p>A request's {@code messages} (every role, including {@code tool} and legacy {@code function}
 * messages, and the system prompt a preset put first) and its {@code tools} are walked whole: string
 * {@code content}, array content parts ({@code text}, {@code input_text}, any part's strings),
 * {@code name}, assistant {@code tool_calls[].function.arguments} and legacy
 * {@code function_call.arguments}, {@code refusal}, {@code reasoning}. Only what is not text a
 * model reads is left out: ids, roles, part types, and binary or linked media (images, audio,
 * files, cache hints, signatures). Everything else that is a string is scanned: a new field is
 * scanned by default rather than missed (docs/security.md, "Content filters").
 */
record MessageText(String text, List<Piece> pieces) {

    /** Keys whose values are not text a model reads: never scanned, never rewritten. */
    static final Set<String> NOT_TEXT = Set.of("role", "type", "id", "tool_call_id", "index", "image_url",
            "input_audio", "file", "video_url", "cache_control", "signature", "data", "source", "format", "detail",
            "strict");

    /**
     * {@code text[start, end)} is the whole string at {@code path} in the body: field names and array
     * indexes from the root.
     */
    record Piece(List<Object> path, int start, int end) {
    }

    /** A request body's texts: its messages, then its tools. */
    static MessageText of(ObjectNode body) {
        Builder b = new Builder();
        b.walk(body.path("messages"), List.of("messages"));
        b.walk(body.path("tools"), List.of("tools"));
        return b.build();
    }

    /** A non-streamed answer's texts: every choice's message. */
    static MessageText ofAnswer(JsonNode answer) {
        Builder b = new Builder();
        JsonNode choices = answer.path("choices");
        for (int i = 0; i < choices.size(); i++) {
            b.walk(choices.get(i).path("message"), List.of("choices", i, "message"));
        }
        return b.build();
    }

    /**
     * Replaces each redacted span in the strings it covers; a span across two strings (the newline
     * between them matched too) rewrites its part of each, so no matched character is left behind.
     */
    void redact(ObjectNode body, List<Redaction> redactions) {
        if (redactions == null || redactions.isEmpty()) {
            return;
        }
        for (Piece piece : pieces) {
            JsonNode parent = body;
            for (Object step : piece.path().subList(0, piece.path().size() - 1)) {
                parent = step instanceof Integer i ? parent.path(i) : parent.path((String) step);
            }
            Object last = piece.path().get(piece.path().size() - 1);
            JsonNode node = last instanceof Integer i ? parent.path(i) : parent.path((String) last);
            if (!node.isTextual()) {
                continue;
            }
            String original = node.asText();
            List<Redaction> local = new ArrayList<>();
            for (Redaction r : redactions) {
                int from = Math.max(r.start(), piece.start());
                int to = Math.min(r.end(), piece.end());
                if (from < to) {
                    local.add(new Redaction(r.filter(), from - piece.start(), to - piece.start(), r.replacement()));
                }
            }
            if (local.isEmpty()) {
                continue;
            }
            TextNode redacted = TextNode.valueOf(Moderation.redact(original, local));
            if (parent instanceof ObjectNode object) {
                object.set((String) last, redacted);
            } else if (parent instanceof ArrayNode array) {
                array.set((Integer) last, redacted);
            }
        }
    }

    private static final class Builder {

        private final StringBuilder text = new StringBuilder();
        private final List<Piece> pieces = new ArrayList<>();

        void walk(JsonNode node, List<Object> at) {
            if (node.isTextual()) {
                if (!node.asText().isEmpty()) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    int start = text.length();
                    text.append(node.asText());
                    pieces.add(new Piece(at, start, text.length()));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), then(at, i));
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (!NOT_TEXT.contains(field.getKey())) {
                        walk(field.getValue(), then(at, field.getKey()));
                    }
                }
            }
        }

        private static List<Object> then(List<Object> path, Object step) {
            List<Object> next = new ArrayList<>(path.size() + 1);
            next.addAll(path);
            next.add(step);
            return List.copyOf(next);
        }

        MessageText build() {
            return new MessageText(text.toString(), List.copyOf(pieces));
        }
    }
}
