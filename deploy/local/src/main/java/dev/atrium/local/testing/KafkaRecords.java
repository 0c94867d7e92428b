package dev.atrium.local.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads a topic from the beginning in tests, with a consumer group of its own. */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    /** Sends one record (with CloudEvents headers, say) and waits for the broker's acknowledgement. */
    public static void send(String bootstrap, String topic, String key, String value, Iterable<Header> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send to " + topic, e.getCause());
        }
    }

    /** Every record read until one matches or the time is up; the match is last. */
    public static List<ConsumerRecord<String, String>> readUntil(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = read(bootstrap, topic, match, timeout);
        if (seen.isEmpty() || !match.test(seen.get(seen.size() - 1))) {
            throw new AssertionError("No matching record on " + topic + " within " + timeout + "; saw " + seen.size());
        }
        return seen;
    }

    /** Every record of the topic from the beginning that arrives within {@code time}: to see what else came. */
    public static List<ConsumerRecord<String, String>> readFor(String bootstrap, String topic, Duration time) {
        return read(bootstrap, topic, r -> false, time);
    }

    private static List<ConsumerRecord<String, String>> read(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record);
                    if (match.test(record)) {
                        return seen;
                    }
                }
            }
        }
        return seen;
    }
}
