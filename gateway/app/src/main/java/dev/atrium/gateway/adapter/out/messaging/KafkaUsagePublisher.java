package dev.atrium.gateway.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes usage and attempts as CloudEvents (binary mode), keyed by organization so one
 * organization's records stay ordered; idempotent producer, acknowledged by every replica.
 */
@ApplicationScoped
class KafkaUsagePublisher implements UsagePublisher {

    private static final Logger LOG = Logger.getLogger(KafkaUsagePublisher.class);

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;

    KafkaUsagePublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ObjectMapper json) {
        this.json = json;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void usageRecorded(UsageRecorded usage) {
        // The generation id doubles as the event id: consumers deduplicate on it.
        send(GatewayEvents.USAGE_TOPIC, usage.organizationId(), usage.generationId(), GatewayEvents.USAGE_TYPE,
                usage, usage.createdAt());
    }

    @Override
    public void providerAttempted(ProviderAttempt attempt) {
        send(GatewayEvents.ATTEMPTS_TOPIC, attempt.provider(), "att-" + UUID.randomUUID(), GatewayEvents.ATTEMPT_TYPE,
                attempt, attempt.at());
    }

    private void send(String topic, String key, String id, String type, Object payload, Instant time) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserializable " + type, e);
        }
        producer.send(new ProducerRecord<>(topic, null, key, body,
                CloudEventHeaders.of(id, type, GatewayEvents.SOURCE, time)), (metadata, error) -> {
                    if (error != null) {
                        LOG.errorf("Could not publish %s %s: %s", type, id, error.getMessage());
                    }
                });
    }

    void close(@Observes ShutdownEvent event) {
        producer.close();
    }
}
