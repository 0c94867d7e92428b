package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.guardrail.api.Redaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text of a request's messages as the guardrail scans it (string contents joined by a
 * newline), remembering where each message starts so redactions can be put back in place.
 */
record MessageText(String text, List<Span> spans) {

    record Span(int message, int start, int end) {
    }

    static MessageText of(ObjectNode body) {
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        JsonNode messages = body.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode content = messages.get(i).path("content");
            if (!content.isTextual()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            int start = text.length();
            text.append(content.asText());
            spans.add(new Span(i, start, text.length()));
        }
        return new MessageText(text.toString(), spans);
    }

    /** Replaces each redacted span inside the message it falls in; the last ones first, so offsets hold. */
    void redact(ObjectNode body, List<Redaction> redactions) {
        if (redactions == null || redactions.isEmpty()) {
            return;
        }
        List<Redaction> ordered = new ArrayList<>(redactions);
        ordered.sort(Comparator.comparingInt(Redaction::start).reversed());
        for (Redaction r : ordered) {
            for (Span span : spans) {
                if (r.start() >= span.start() && r.end() <= span.end()) {
                    ObjectNode message = (ObjectNode) body.path("messages").get(span.message());
                    String content = message.path("content").asText();
                    int from = r.start() - span.start();
                    int to = r.end() - span.start();
                    message.put("content", content.substring(0, from) + r.replacement() + content.substring(to));
                }
            }
        }
    }
}
