package dev.atrium.billing.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.common.events.CloudEventHeaders;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class UsageLagInterceptorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:10Z");
    private static final TopicPartition PARTITION = new TopicPartition("atrium.usage.recorded", 0);

    @Test
    void measuresEachRecordFromItsCloudEventTimeOrElseTheBrokersTimestamp() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UsageLagInterceptor interceptor = new UsageLagInterceptor(Clock.fixed(NOW, ZoneOffset.UTC), registry);
        // Spooled at the gateway for 8 s: the CloudEvent time counts, not the later broker timestamp.
        ConsumerRecord<String, String> spooled = record(0, NOW.minusSeconds(1), "2026-11-26T12:00:02Z");
        ConsumerRecord<String, String> plain = record(1, NOW.minusMillis(500), null);
        ConsumerRecords<String, String> records = new ConsumerRecords<>(Map.of(PARTITION, List.of(spooled, plain)),
                Map.of());
        Message<ConsumerRecords<String, String>> batch = Message.of(records, Metadata.of(
                new IncomingKafkaRecordBatchMetadata<>(records, "usage", Map.of())));

        assertThat(interceptor.afterMessageReceive(batch)).isSameAs(batch);

        Timer lag = registry.get("atrium.billing.usage.lag").timer();
        assertThat(lag.count()).isEqualTo(2);
        assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(8_500);
        assertThat(lag.max(TimeUnit.MILLISECONDS)).isEqualTo(8_000);
    }

    private static ConsumerRecord<String, String> record(long offset, Instant brokerTime, String ceTime) {
        RecordHeaders headers = new RecordHeaders();
        if (ceTime != null) {
            CloudEventHeaders.of("gen-" + offset, "dev.atrium.usage.recorded.v1", "gateway", Instant.parse(ceTime))
                    .forEach(headers::add);
        }
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, brokerTime.toEpochMilli(),
                TimestampType.CREATE_TIME, 0, 0, "org_1", "{}", headers, Optional.empty());
    }
}
