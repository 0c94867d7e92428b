package dev.atrium.gateway.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.KafkaTracing;
import dev.atrium.gateway.api.GatewayEvents;
import io.opentelemetry.api.trace.Span;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/** One usage record as the spool keeps it: the event id, the record key, the time, the JSON payload and the request's trace (or null). */
record SpooledUsage(String id, String key, Instant time, String payload, String traceparent) {

    String toLine(ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Kafka record that carries it: a CloudEvent on the usage topic, in the publish span's trace. */
    ProducerRecord<String, String> toRecord(Span span) {
        return new ProducerRecord<>(GatewayEvents.USAGE_TOPIC, null, key, payload, KafkaTracing.withTrace(
                CloudEventHeaders.of(id, GatewayEvents.USAGE_TYPE, GatewayEvents.SOURCE, time), span));
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
