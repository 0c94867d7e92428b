package dev.atrium.gateway.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** One usage record as the spool keeps it: the event id, the record key, the time, the JSON payload and the request's trace (or null). */
record SpooledUsage(String id, String key, Instant time, String payload, String traceparent) {

    String toLine(ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SpooledUsage fromLine(ObjectMapper json, String line) {
        try {
            JsonNode node = json.readTree(line);
            return new SpooledUsage(node.path("id").asText(), node.path("key").asText(),
                    Instant.parse(node.path("time").asText()), node.path("payload").asText(),
                    node.path("traceparent").isTextual() ? node.path("traceparent").asText() : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable spool line", e);
        }
    }
}
