package dev.atrium.gateway.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.local.testing.KafkaRecords;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Kafka unreachable: publishing returns at once and every record is on disk within a commit interval;
 * a gateway started later, with Kafka back, sends the spool first, each record still carrying the
 * trace of the request that produced it.
 */
@QuarkusTest
class UsageSpoolAdapterTest {

    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());
    private static final int RECORDS = 200;

    @Test
    void usageIsSpooledAtOnceWhileKafkaIsDownAndSentAfterARestartWhenItIsBack() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        String run = "gen-spool-" + UUID.randomUUID();

        // Nothing listens on port 1: the Kafka client would wait for metadata on every send.
        KafkaUsagePublisher offline = new KafkaUsagePublisher("127.0.0.1:1", dir, JSON);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Context request = Context.root().with(Span.wrap(SpanContext.create(traceId, "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault())));
        long started = System.nanoTime();
        try (Scope ignored = request.makeCurrent()) {
            offline.usageRecorded(usage(run + "-0"));
        }
        for (int i = 1; i < RECORDS; i++) {
            offline.usageRecorded(usage(run + "-" + i));
        }
        long publishMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(publishMillis).as("time the request path spent publishing %d records", RECORDS).isLessThan(200);

        // On disk well within a second (a commit interval is 5 ms), while the gateway still runs.
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (countIn(spooled(dir), run) < RECORDS && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(countIn(spooled(dir), run)).isEqualTo(RECORDS);
        offline.close(null);
        assertThat(countIn(spooled(dir), run)).as("left in the spool by a stop during the outage").isEqualTo(RECORDS);

        // A restarted gateway with Kafka reachable sends the spool at start, in order.
        KafkaUsagePublisher online = new KafkaUsagePublisher(bootstrap(), dir, JSON);
        var records = KafkaRecords.readUntil(bootstrap(), GatewayEvents.USAGE_TOPIC,
                r -> r.value().contains(run + "-" + (RECORDS - 1) + "\""), Duration.ofSeconds(30));
        List<String> ids = new ArrayList<>();
        records.stream().filter(r -> r.value().contains(run)).forEach(r -> ids.add(
                String.valueOf(CloudEventHeaders.read(r.headers(), "ce_id"))));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            expected.add(run + "-" + i);
        }
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(records.stream().filter(r -> r.value().contains(run)).map(r -> r.key()).distinct())
                .containsExactly("org_spool");
        assertThat(records.stream().filter(r -> r.value().contains(run + "-0\""))
                .map(r -> String.valueOf(CloudEventHeaders.read(r.headers(), "traceparent"))))
                .containsExactly("00-" + traceId + "-00f067aa0ba902b7-01");
        deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!online.spool().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(online.spool().isEmpty()).isTrue();
        while (spooledLines(dir) > 0 && System.nanoTime() < deadline + Duration.ofSeconds(3).toNanos()) {
            Thread.sleep(20);
        }
        assertThat(spooledLines(dir)).as("records left in segments Kafka has").isZero();
        online.close(null);
    }

    @Test
    void usageKafkaTakesIsSentAtOnceAndLeavesNoSpoolBehind() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "spool");
        String id = "gen-direct-" + UUID.randomUUID();
        KafkaUsagePublisher publisher = new KafkaUsagePublisher(bootstrap(), dir, JSON);
        publisher.usageRecorded(usage(id));
        KafkaRecords.readUntil(bootstrap(), GatewayEvents.USAGE_TOPIC, r -> r.value().contains(id),
                Duration.ofSeconds(30));
        publisher.close(null);
        assertThat(spooledLines(dir)).as("records left in the spool after a clean stop").isZero();
    }

    static String spooled(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".spool")).sorted().toList()) {
                try {
                    all.append(Files.readString(file, StandardCharsets.UTF_8));
                } catch (java.nio.file.NoSuchFileException sent) {
                    // The sender deleted it between the listing and the read: all of it reached Kafka.
                }
            }
        }
        return all.toString();
    }

    static long spooledLines(Path dir) {
        try {
            return spooled(dir).lines().count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long countIn(String spooled, String run) {
        return spooled.lines().filter(l -> l.contains(run)).count();
    }

    static UsageRecorded usage(String id) {
        return new UsageRecorded(id, "org_spool", "ws_spool", "key_spool", "user", "openai/gpt-4o-mini", "openai",
                "gpt-4o-mini", 10, 20, new BigDecimal("0.00000015"), new BigDecimal("0.0000006"),
                new BigDecimal("0.0000135"), false, null, "org:0,ws:0", 12, false, "stop", Instant.now());
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
