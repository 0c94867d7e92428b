package dev.atrium.gateway.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.KafkaSettings;
import dev.atrium.common.events.KafkaTracing;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Publishes usage and attempts as CloudEvents (binary mode), keyed by organization; idempotent
 * producer, acknowledged by every replica. The request path only queues: every usage record is
 * committed to the durable {@link UsageSpool} by the {@link SpoolWriter} (one fsync per commit
 * interval for all records queued meanwhile) and sent by the {@link UsageSender} on its own thread,
 * so neither the disk nor the Kafka client can hold an event loop, and a Kafka outage costs the
 * request path nothing. A record's durability completes once the spool's fsync has it (one commit
 * interval at most, Kafka up or not): its answer's last bytes wait for that (ADR 0024). It stays
 * there until Kafka has it; a restarted gateway sends what its spool holds first.
 * A usage record carries the request's trace ({@code traceparent}, kept in the spool too), so
 * billing's and guardrail's consumer spans join the trace of the request that produced it.
 */
@ApplicationScoped
class KafkaUsagePublisher implements UsagePublisher {

    static final String SPOOLED = "atrium.gateway.usage.spooled";
    static final String SPOOL_AGE = "atrium.gateway.usage.spool.oldest.age";
    static final String UNDURABLE = "atrium.gateway.usage.undurable";
    private static final Logger LOG = Logger.getLogger(KafkaUsagePublisher.class);

    private final UsageSpool spool;
    private final SpoolWriter writer;
    private final UsageSender sender;
    private final ObjectMapper json;
    private final KafkaTracing tracing;
    /** The spool's head when this life began: records below it were written by earlier lives. */
    private final long previousLivesEnd;
    private final Duration durableTimeout;
    private final Counter undurable;

    @Inject
    KafkaUsagePublisher(Config config, GatewayConfig gateway, ObjectMapper json, OpenTelemetry openTelemetry,
            MeterRegistry registry) {
        this(producer(KafkaSettings.from(config)), gateway.spoolDir(), json, openTelemetry,
                gateway.spoolCommitInterval(), gateway.spoolDrainInterval(), gateway.usageDurableTimeout(), registry);
        Gauge.builder(SPOOLED, spool, UsageSpool::unsent)
                .description("Usage records committed to the spool that Kafka has not acknowledged yet")
                .register(registry);
        Gauge.builder(SPOOL_AGE, spool, UsageSpool::oldestUnsentAgeSeconds)
                .description("How long the oldest usage record Kafka has not acknowledged has waited in the spool")
                .baseUnit("seconds").register(registry);
    }

    /** For adapter tests: a broker address, defaults for the rest. */
    KafkaUsagePublisher(String bootstrap, Path spoolDir, ObjectMapper json) {
        this(producer(bootstrapOnly(bootstrap)), spoolDir, json, OpenTelemetry.noop(), Duration.ofMillis(5),
                Duration.ofSeconds(1), Duration.ofSeconds(1), new SimpleMeterRegistry());
    }

    KafkaUsagePublisher(Producer<String, String> producer, Path spoolDir, ObjectMapper json,
            OpenTelemetry openTelemetry, Duration commitInterval, Duration maxRetryInterval, Duration durableTimeout,
            MeterRegistry registry) {
        this.json = json;
        this.durableTimeout = durableTimeout;
        this.undurable = Counter.builder(UNDURABLE)
                .description("Answers sent before their usage record was durable: the spool could not commit it in time")
                .register(registry);
        this.tracing = new KafkaTracing(openTelemetry);
        this.spool = new UsageSpool(spoolDir);
        this.previousLivesEnd = spool.head();
        this.sender = new UsageSender(producer, spool, json, tracing, maxRetryInterval);
        this.writer = new SpoolWriter(spool, json, commitInterval, sender::committed);
    }

    private static Properties bootstrapOnly(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    private static Producer<String, String> producer(Properties kafka) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A request's usage and attempt records, and those of requests close together, share one produce request.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Only the sender thread waits on these: a record Kafka does not answer stays in the spool and is resent.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /**
     * Completes once the spool's group commit has the record on disk (whether Kafka is up does not matter), on the
     * caller's Vert.x context if it has one, so the answer is written from its own event loop. A disk that fails
     * or takes longer than {@code atrium.gateway.usage-durable-timeout} completes it exceptionally (counted, the
     * record still kept and tried again): the caller answers anyway, since the provider was already paid.
     */
    @Override
    public CompletionStage<Void> usageRecorded(UsageRecorded usage) {
        io.vertx.core.Context caller = Vertx.currentContext();
        // The generation id doubles as the event id: consumers deduplicate on it.
        CompletableFuture<Void> durable = writer.offer(new SpooledUsage(usage.generationId(), usage.organizationId(),
                usage.createdAt(), write(usage), KafkaTracing.traceparent(Context.current())));
        CompletableFuture<Void> answered = new CompletableFuture<>();
        durable.orTimeout(durableTimeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((ok, error) -> {
            if (error != null) {
                undurable.increment();
                LOG.errorf("Usage of generation %s is not durable yet (%s); its answer goes", usage.generationId(),
                        error);
            }
            if (caller == null) {
                complete(answered, error);
            } else {
                caller.runOnContext(v -> complete(answered, error));
            }
        });
        return answered;
    }

    private static void complete(CompletableFuture<Void> future, Throwable error) {
        if (error == null) {
            future.complete(null);
        } else {
            future.completeExceptionally(error);
        }
    }

    /** The record's event and spool line are written as a real one's would be, and dropped. */
    @Override
    public void warmUp(UsageRecorded sample) {
        new SpooledUsage(sample.generationId(), sample.organizationId(), sample.createdAt(), write(sample),
                KafkaTracing.traceparent(Context.current())).toLine(json);
    }

    @Override
    public void providerAttempted(ProviderAttempt attempt) {
        // Statistics: losing one while Kafka is down skews a percentile, not a bill.
        Span span = tracing.startPublish(GatewayEvents.ATTEMPTS_TOPIC, Context.current());
        sender.attempt(new UsageSender.Attempt(new ProducerRecord<>(GatewayEvents.ATTEMPTS_TOPIC, null,
                attempt.provider(), write(attempt), KafkaTracing.withTrace(CloudEventHeaders.of("att-" + UUID.randomUUID(),
                        GatewayEvents.ATTEMPT_TYPE, GatewayEvents.SOURCE, attempt.at()), span)), span));
    }

    /** Created at start, so a restarted gateway sends its spool before the first request. */
    void start(@Observes StartupEvent event) {
        spool.unsent();
    }

    /** The spool's records below its head at this start are the earlier lives'; acknowledged ones are in Kafka. */
    @Override
    public boolean previousLifeSent() {
        return spool.acknowledged() >= previousLivesEnd;
    }

    /** Records not in Kafka within the timeout stay in the spool for the next start. */
    void close(@Observes ShutdownEvent event) {
        writer.close();
        sender.close(Duration.ofSeconds(5));
    }

    UsageSpool spool() {
        return spool;
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserializable event", e);
        }
    }
}
