package dev.atrium.common.outbox;

import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.KafkaSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final KafkaProducer<String, String> producer;

    OutboxRelay(EntityManager em, Config config) {
        this.em = em;
        Properties props = KafkaSettings.from(config);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Scheduled(every = "${atrium.outbox.relay-interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, null, event.recordKey,
                    event.payload, CloudEventHeaders.of(event.eventId, event.eventType, event.source, event.createdAt));
            sent.add(producer.send(record));
        }
        for (Future<RecordMetadata> ack : sent) {
            ack.get();
        }
        for (OutboxEventEntity event : batch) {
            em.remove(event);
        }
        return batch.size();
    }

    void close(@Observes ShutdownEvent event) {
        producer.close();
    }
}
