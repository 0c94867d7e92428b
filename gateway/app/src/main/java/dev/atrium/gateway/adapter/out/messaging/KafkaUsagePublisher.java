package dev.atrium.gateway.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.KafkaSettings;
import dev.atrium.common.events.KafkaTracing;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.config.GatewayConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Publishes usage and attempts as CloudEvents (binary mode), keyed by organization so one
 * organization's records stay ordered; idempotent producer, acknowledged by every replica.
 * Usage Kafka does not take goes to the durable {@link UsageSpool} and is sent, in order, before
 * any newer record once Kafka answers again; a restarted gateway drains its spool first.
 * A usage record carries the request's trace ({@code traceparent}, kept in the spool too), so
 * billing's and guardrail's consumer spans join the trace of the request that produced it.
 */
@ApplicationScoped
class KafkaUsagePublisher implements UsagePublisher {

    private static final Logger LOG = Logger.getLogger(KafkaUsagePublisher.class);

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;
    private final UsageSpool spool;
    private final KafkaTracing tracing;

    @jakarta.inject.Inject
    KafkaUsagePublisher(Config config, GatewayConfig gateway, ObjectMapper json, OpenTelemetry openTelemetry) {
        this(KafkaSettings.from(config), gateway.spoolDir(), json, openTelemetry);
    }

    KafkaUsagePublisher(String bootstrap, Path spoolDir, ObjectMapper json) {
        this(bootstrapOnly(bootstrap), spoolDir, json, OpenTelemetry.noop());
    }

    private static Properties bootstrapOnly(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    private KafkaUsagePublisher(Properties kafka, Path spoolDir, ObjectMapper json, OpenTelemetry openTelemetry) {
        this.json = json;
        this.tracing = new KafkaTracing(openTelemetry);
        this.spool = new UsageSpool(spoolDir);
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A request's usage and attempt records, and those of requests close together, share one produce request.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Never block the event loop for long: a record that cannot be handed over goes to the spool.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 200);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void usageRecorded(UsageRecorded usage) {
        // The generation id doubles as the event id: consumers deduplicate on it.
        Spooled record = new Spooled(usage.generationId(), usage.organizationId(), usage.createdAt(), write(usage),
                KafkaTracing.traceparent(Context.current()));
        if (!spool.isEmpty()) {
            spool.append(record.toLine(json));
            return;
        }
        Span span = tracing.startPublish(GatewayEvents.USAGE_TOPIC, Context.current());
        try {
            producer.send(usageRecord(record, span), (metadata, error) -> {
                KafkaTracing.end(span, error);
                if (error != null) {
                    LOG.warnf("Kafka did not take usage %s (%s); spooled", record.id(), error.getMessage());
                    spool.append(record.toLine(json));
                }
            });
        } catch (RuntimeException e) {
            KafkaTracing.end(span, e);
            LOG.warnf("Kafka unavailable for usage %s (%s); spooled", record.id(), e.getMessage());
            spool.append(record.toLine(json));
        }
    }

    @Override
    public void providerAttempted(ProviderAttempt attempt) {
        // Statistics: losing one while Kafka is down skews a percentile, not a bill.
        Span span = tracing.startPublish(GatewayEvents.ATTEMPTS_TOPIC, Context.current());
        try {
            producer.send(new ProducerRecord<>(GatewayEvents.ATTEMPTS_TOPIC, null, attempt.provider(), write(attempt),
                    KafkaTracing.withTrace(CloudEventHeaders.of("att-" + UUID.randomUUID(), GatewayEvents.ATTEMPT_TYPE,
                            GatewayEvents.SOURCE, attempt.at()), span)), (metadata, error) -> KafkaTracing.end(span, error));
        } catch (RuntimeException e) {
            KafkaTracing.end(span, e);
            LOG.debugf("Attempt event dropped: %s", e.getMessage());
        }
    }

    void drainAtStart(@Observes StartupEvent event) {
        drain();
    }

    /** Sends the spool in order; stops at the first failure and tries again on the next tick. */
    @Scheduled(every = "${atrium.gateway.spool-drain-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        if (spool.isEmpty()) {
            return;
        }
        List<String> lines = spool.readAll();
        int sent = 0;
        try {
            for (String line : lines) {
                Spooled record = Spooled.fromLine(json, line);
                Span span = tracing.startPublish(GatewayEvents.USAGE_TOPIC, KafkaTracing.context(record.traceparent()));
                try {
                    producer.send(usageRecord(record, span)).get(5, TimeUnit.SECONDS);
                    KafkaTracing.end(span, null);
                } catch (Exception e) {
                    KafkaTracing.end(span, e);
                    throw e;
                }
                sent++;
            }
        } catch (Exception e) {
            LOG.debugf("Kafka still unavailable; %d spooled usage records wait", lines.size() - sent);
        } finally {
            if (sent > 0) {
                spool.dropFirst(sent);
                LOG.infof("Sent %d spooled usage records", sent);
            }
        }
    }

    private static ProducerRecord<String, String> usageRecord(Spooled r, Span span) {
        return new ProducerRecord<>(GatewayEvents.USAGE_TOPIC, null, r.key(), r.payload(), KafkaTracing.withTrace(
                CloudEventHeaders.of(r.id(), GatewayEvents.USAGE_TYPE, GatewayEvents.SOURCE, r.time()), span));
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserializable event", e);
        }
    }

    void close(@Observes ShutdownEvent event) {
        producer.close(java.time.Duration.ofSeconds(5));
    }

    /** One spool line: the event id, the record key, the time, the JSON payload and the request's trace (or null). */
    record Spooled(String id, String key, Instant time, String payload, String traceparent) {

        String toLine(ObjectMapper json) {
            try {
                return json.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        static Spooled fromLine(ObjectMapper json, String line) {
            try {
                JsonNode node = json.readTree(line);
                return new Spooled(node.path("id").asText(), node.path("key").asText(),
                        Instant.parse(node.path("time").asText()), node.path("payload").asText(),
                        node.path("traceparent").isTextual() ? node.path("traceparent").asText() : null);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable spool line", e);
            }
        }
    }
}
