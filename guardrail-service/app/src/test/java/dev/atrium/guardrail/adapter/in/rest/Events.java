package dev.atrium.guardrail.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.local.testing.KafkaRecords;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes events to the test broker the way their producers do: CloudEvents headers, JSON body. */
final class Events {

    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());

    private Events() {
    }

    static void send(String topic, String key, String type, String source, Object payload) {
        String value;
        try {
            value = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        KafkaRecords.send(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic, key,
                value, CloudEventHeaders.of(UUID.randomUUID().toString(), type, source, Instant.now()));
    }
}
