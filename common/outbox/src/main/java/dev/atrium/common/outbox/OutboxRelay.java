package dev.atrium.common.outbox;

import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.KafkaSettings;
import dev.atrium.common.events.KafkaTracing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Sends outbox rows to Kafka in commit order and deletes them once the broker acknowledged them.
 * Rows are locked with SKIP LOCKED so several instances never send the same batch at once;
 * a crash between send and delete re-sends, which consumers absorb by event id.
 * Each record is sent under a PRODUCER span in the trace of the request that wrote the event
 * (its {@code traceparent} header); gauges {@code atrium.outbox.backlog} (unsent rows) and
 * {@code atrium.outbox.oldest.age} (seconds the oldest has waited) show a relay that falls behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final KafkaProducer<String, String> producer;
    private final KafkaTracing tracing;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    OutboxRelay(EntityManager em, Config config, Clock clock, Instance<OpenTelemetry> openTelemetry,
            Instance<MeterRegistry> meters) {
        this.em = em;
        this.clock = clock;
        this.tracing = new KafkaTracing(openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop());
        if (meters.isResolvable()) {
            Gauge.builder("atrium.outbox.backlog", backlog, AtomicLong::get)
                    .description("Outbox events written but not yet acknowledged by Kafka")
                    .baseUnit("events").register(meters.get());
            Gauge.builder("atrium.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                    .description("How long the oldest unsent outbox event has waited")
                    .baseUnit("seconds").register(meters.get());
        }
        Properties props = KafkaSettings.from(config);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /**
     * Relays now (after a commit that wrote events) on the relay's one thread, so runs never overlap
     * and one instance sends in commit order; a wake while a run is queued adds nothing.
     */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    relay();
                });
            } catch (RejectedExecutionException e) {
                // shutting down: the events stay in the table for the next start
            }
        }
    }

    /**
     * The safety net: events whose wake was lost (a crash, another instance's rows) go at the next tick, once a
     * second (Quarkus's scheduler runs nothing more often: a shorter {@code every} only logged a warning).
     */
    @Scheduled(every = "${atrium.outbox.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    void relay() {
        try {
            while (QuarkusTransaction.requiringNew().call(this::relayBatch) == BATCH) {
                // a full batch: more are probably waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay failed, will retry: %s", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private int relayBatch() throws InterruptedException, ExecutionException {
        List<OutboxEventEntity> batch = em.createNativeQuery(
                        "SELECT * FROM outbox_event ORDER BY seq LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED",
                        OutboxEventEntity.class)
                .getResultList();
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        for (OutboxEventEntity event : batch) {
            Span span = tracing.startPublish(event.topic, KafkaTracing.context(event.traceParent));
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, null, event.recordKey,
                    event.payload, KafkaTracing.withTrace(
                            CloudEventHeaders.of(event.eventId, event.eventType, event.source, event.createdAt), span));
            sent.add(producer.send(record, (metadata, error) -> KafkaTracing.end(span, error)));
        }
        for (Future<RecordMetadata> ack : sent) {
            ack.get();
        }
        for (OutboxEventEntity event : batch) {
            em.remove(event);
        }
        return batch.size();
    }

    /** One cheap aggregate over the (normally near-empty) table for the backlog gauges. */
    @Scheduled(every = "${atrium.outbox.backlog-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measureBacklog() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "SELECT count(*), min(created_at) FROM outbox_event").getSingleResult());
            backlog.set(((Number) row[0]).longValue());
            Instant oldest = row[1] == null ? null : toInstant(row[1]);
            oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
        } catch (RuntimeException e) {
            LOG.debugf("Could not measure the outbox backlog: %s", e.getMessage());
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(value.toString());
    }

    void close(@Observes ShutdownEvent event) {
        worker.shutdown();
        producer.close();
    }
}
