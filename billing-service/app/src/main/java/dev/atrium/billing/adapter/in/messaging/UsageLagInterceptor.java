package dev.atrium.billing.adapter.in.messaging;

import dev.atrium.common.events.CloudEventHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code atrium.billing.usage.lag}: how long a usage record took from the gateway (its
 * {@code ce_time}, so time spent in the gateway's spool counts) to billing's consumer, per record
 * of each polled batch. A growing lag means the ledger trails the requests.
 */
@ApplicationScoped
@Identifier("usage")
class UsageLagInterceptor implements IncomingInterceptor {

    private final Clock clock;
    private final Timer lag;

    UsageLagInterceptor(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.lag = Timer.builder("atrium.billing.usage.lag")
                .description("From the gateway recording a generation to billing consuming its usage record")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5))
                .register(registry);
    }

    @Override
    public Message<?> afterMessageReceive(Message<?> message) {
        Instant now = clock.instant();
        message.getMetadata(IncomingKafkaRecordBatchMetadata.class).ifPresent(batch -> {
            for (Object record : batch.getRecords()) {
                Duration waited = Duration.between(producedAt((ConsumerRecord<?, ?>) record), now);
                lag.record(waited.isNegative() ? Duration.ZERO : waited); // a gateway clock ahead of ours
            }
        });
        return message;
    }

    private static Instant producedAt(ConsumerRecord<?, ?> record) {
        String time = CloudEventHeaders.read(record.headers(), "ce_time");
        if (time != null) {
            try {
                return Instant.parse(time);
            } catch (DateTimeParseException e) {
                // fall back to the broker's timestamp
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    @Override
    public void onMessageAck(Message<?> message) {
        // measured on receipt
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        // measured on receipt
    }
}
