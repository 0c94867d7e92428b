package dev.atrium.gateway.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.json.JsonSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A broker that goes away and comes back, as a fake producer: what is sent, how, and when. */
class UsageSenderTest {

    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());

    /** Refuses every record while down (as the client does once delivery times out); counts round trips. */
    static final class Broker extends MockProducer<String, String> {
        volatile boolean down;
        final AtomicInteger flushes = new AtomicInteger();

        Broker() {
            super(true, null, new StringSerializer(), new StringSerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            if (down) {
                TimeoutException refused = new TimeoutException("Expiring record: broker not available");
                callback.onCompletion(null, refused);
                return CompletableFuture.failedFuture(refused);
            }
            return super.send(record, callback);
        }

        @Override
        public synchronized void flush() {
            flushes.incrementAndGet();
            super.flush();
        }

        synchronized List<String> ids() {
            List<String> ids = new ArrayList<>();
            history().forEach(r -> ids.add(CloudEventHeaders.read(r.headers(), "ce_id")));
            return ids;
        }
    }

    @Test
    void spoolDrainsInBatchesWhenTheBrokerReturnsThenSendsDirectly() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        Broker broker = new Broker();
        broker.down = true;
        KafkaUsagePublisher publisher = new KafkaUsagePublisher(broker, dir, JSON, OpenTelemetry.noop(),
                Duration.ofMillis(5), Duration.ofMillis(200),
                Duration.ofSeconds(1), new SimpleMeterRegistry());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            expected.add("gen-" + i);
            publisher.usageRecorded(UsageSpoolAdapterTest.usage("gen-" + i));
        }
        await(() -> publisher.spool().unsent() == 2_500);
        assertThat(broker.ids()).as("taken while the broker is down").isEmpty();

        broker.down = false;
        await(() -> publisher.spool().isEmpty());
        assertThat(broker.ids()).as("every record once, in order").containsExactlyElementsOf(expected);
        assertThat(broker.flushes.get()).as("round trips to send 2,500 spooled records").isBetween(3, 20);
        await(() -> UsageSpoolAdapterTest.spooledLines(dir) == 0);

        // Caught up: the next record goes straight to the producer, with no round trip of its own.
        int flushes = broker.flushes.get();
        publisher.usageRecorded(UsageSpoolAdapterTest.usage("gen-after"));
        await(() -> broker.ids().size() == 2_501);
        assertThat(broker.ids().get(2_500)).isEqualTo("gen-after");
        assertThat(broker.flushes.get()).isEqualTo(flushes);
        publisher.close(null);
    }

    @Test
    void brokerLostMidStreamLosesAndRepeatsNothingItAcknowledged() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        Broker broker = new Broker();
        KafkaUsagePublisher publisher = new KafkaUsagePublisher(broker, dir, JSON, OpenTelemetry.noop(),
                Duration.ofMillis(5), Duration.ofMillis(200),
                Duration.ofSeconds(1), new SimpleMeterRegistry());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (i == 100) {
                await(() -> broker.ids().size() == 100);
                broker.down = true;
            }
            if (i == 200) {
                broker.down = false;
            }
            expected.add("gen-" + i);
            publisher.usageRecorded(UsageSpoolAdapterTest.usage("gen-" + i));
            Thread.sleep(1);
        }
        await(() -> publisher.spool().isEmpty() && broker.ids().size() >= 300);
        assertThat(broker.ids()).containsExactlyElementsOf(expected);
        publisher.close(null);
    }

    @Test
    void aRecordIsDurableOnceItsLineIsOnDiskWhileTheBrokerIsAway() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        Broker broker = new Broker();
        broker.down = true;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaUsagePublisher publisher = new KafkaUsagePublisher(broker, dir, JSON, OpenTelemetry.noop(),
                Duration.ofMillis(5), Duration.ofMillis(200), Duration.ofSeconds(5), registry);

        long started = System.nanoTime();
        publisher.usageRecorded(UsageSpoolAdapterTest.usage("gen-durable")).toCompletableFuture()
                .get(5, java.util.concurrent.TimeUnit.SECONDS);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(UsageSpoolAdapterTest.spooledLines(dir)).as("on disk when durable").isEqualTo(1);
        assertThat(broker.ids()).as("Kafka away: durable without it").isEmpty();
        assertThat(registry.get(KafkaUsagePublisher.UNDURABLE).counter().count()).isZero();
        System.out.printf("durable after %d ms (one group commit and its fsync)%n", waitedMillis);
        publisher.close(null);
    }

    @Test
    void aDiskThatRefusesTheRecordLetsTheAnswerGoCountsItAndKeepsTheRecord() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        Broker broker = new Broker();
        broker.down = true;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaUsagePublisher publisher = new KafkaUsagePublisher(broker, dir, JSON, OpenTelemetry.noop(),
                Duration.ofMillis(5), Duration.ofMillis(200), Duration.ofSeconds(5), registry);
        Files.delete(dir); // the next segment cannot be created: a write the disk refuses

        CompletableFuture<Void> durable = publisher.usageRecorded(UsageSpoolAdapterTest.usage("gen-refused"))
                .toCompletableFuture();
        assertThat(durable).failsWithin(Duration.ofSeconds(5));
        assertThat(registry.get(KafkaUsagePublisher.UNDURABLE).counter().count()).isEqualTo(1);

        Files.createDirectories(dir);
        await(() -> UsageSpoolAdapterTest.spooledLines(dir) == 1);
        publisher.close(null);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 20 s").isTrue();
    }
}
