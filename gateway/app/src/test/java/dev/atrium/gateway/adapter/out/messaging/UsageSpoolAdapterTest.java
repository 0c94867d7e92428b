package dev.atrium.gateway.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.local.testing.KafkaRecords;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Kafka unreachable: usage goes to the durable spool; a gateway started later sends it first, each
 * record still carrying the trace of the request that produced it.
 */
@QuarkusTest
class UsageSpoolAdapterTest {

    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());

    @Test
    void usageKafkaCannotTakeIsSpooledAndSentWhenKafkaIsBack() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        String generationId = "gen-spool-" + UUID.randomUUID();

        KafkaUsagePublisher offline = new KafkaUsagePublisher("127.0.0.1:1", dir, JSON);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Context request = Context.root().with(Span.wrap(SpanContext.create(traceId, "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault())));
        try (Scope ignored = request.makeCurrent()) {
            offline.usageRecorded(usage(generationId));
        }
        // Read through fresh instances: a spool knows whether it is empty from its own writes.
        UsageSpool spool = new UsageSpool(dir);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (new UsageSpool(dir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(dir.resolve("usage.spool"), StandardCharsets.UTF_8)).contains(generationId);
        offline.usageRecorded(usage(generationId + "-second"));
        assertThat(spool.readAll()).hasSize(2);
        offline.close(null);

        // A restarted gateway with Kafka reachable drains the spool at start, in order.
        KafkaUsagePublisher online = new KafkaUsagePublisher(bootstrap(), dir, JSON);
        online.drain();
        var records = KafkaRecords.readUntil(bootstrap(), GatewayEvents.USAGE_TOPIC,
                r -> r.value().contains(generationId + "-second"), Duration.ofSeconds(30));
        assertThat(records.stream().filter(r -> r.value().contains(generationId)).map(r -> r.key()))
                .containsExactly("org_spool", "org_spool");
        assertThat(records.stream().filter(r -> r.value().contains(generationId))
                .map(r -> String.valueOf(CloudEventHeaders.read(r.headers(), "traceparent"))))
                .containsExactly("00-" + traceId + "-00f067aa0ba902b7-01", "null");
        assertThat(new UsageSpool(dir).isEmpty()).isTrue();
        online.close(null);
    }

    private static UsageRecorded usage(String id) {
        return new UsageRecorded(id, "org_spool", "ws_spool", "key_spool", "user", "openai/gpt-4o-mini", "openai",
                "gpt-4o-mini", 10, 20, new BigDecimal("0.00000015"), new BigDecimal("0.0000006"),
                new BigDecimal("0.0000135"), false, null, "org:0,ws:0", 12, false, "stop", Instant.now());
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
