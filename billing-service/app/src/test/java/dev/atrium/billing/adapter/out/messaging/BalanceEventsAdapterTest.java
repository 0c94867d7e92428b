package dev.atrium.billing.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.billing.ApiCalls;
import dev.atrium.billing.api.BillingEvents;
import dev.atrium.billing.application.port.in.AddCreditsUseCase;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.local.testing.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Balance events as they reach atrium.billing.balance through the outbox. */
@QuarkusTest
class BalanceEventsAdapterTest {

    @Inject
    AddCreditsUseCase credits;
    @Inject
    RecordUsageUseCase usage;

    @Test
    void lowBalanceIsPublishedOncePerCrossingBelowTheThreshold() {
        String org = "org_low_" + UUID.randomUUID().toString().substring(0, 8);
        credits.add(AddCreditsCommand.of(org, org + "-1", new BigDecimal("6"), "USD", "top_up", null, "admin"));
        record(org, "gen-" + org + "-1", "0.5");
        record(org, "gen-" + org + "-2", "1");
        record(org, "gen-" + org + "-3", "0.1");
        credits.add(AddCreditsCommand.of(org, org + "-2", new BigDecimal("10"), "USD", "grant", null, "admin"));
        record(org, "gen-" + org + "-4", "10");
        String last = credits.add(AddCreditsCommand.of(org, org + "-3", new BigDecimal("0.01"), "USD", "grant", null,
                "admin")).receipt().id();

        // One organization's events share a partition, in commit order: once the last one is read, all are.
        List<ConsumerRecord<String, String>> events = KafkaRecords.readUntil(bootstrap(), BillingEvents.BALANCE_TOPIC,
                r -> r.value().contains(last), Duration.ofSeconds(20));
        List<JsonNode> low = events.stream().filter(r -> org.equals(r.key()))
                .filter(r -> BillingEvents.LOW_BALANCE.equals(CloudEventHeaders.read(r.headers(), "ce_type")))
                .map(r -> ApiCalls.read(r.value())).toList();

        assertThat(low).hasSize(2);
        assertThat(low.get(0).get("balance").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(low.get(0).get("threshold").decimalValue()).isEqualByComparingTo("5");
        assertThat(low.get(0).get("reference").asText()).isEqualTo("gen-" + org + "-2");
        assertThat(low.get(0).get("currency").asText()).isEqualTo("USD");
        assertThat(low.get(0).get("organization_id").asText()).isEqualTo(org);
        assertThat(low.get(1).get("balance").decimalValue()).isEqualByComparingTo("4.4");
        assertThat(low.get(1).get("revision").asLong()).isEqualTo(6);
        assertThat(events.stream().filter(r -> org.equals(r.key()))
                .filter(r -> BillingEvents.BALANCE_CHANGED.equals(CloudEventHeaders.read(r.headers(), "ce_type"))))
                .hasSize(7);
    }

    private void record(String org, String id, String cost) {
        usage.record(RecordUsageCommand.of(id, org, "ws_" + org, "key_1", "user-1", "a/x", "p", 10, 10,
                new BigDecimal(cost), false, 100, "org:1", Instant.parse("2026-11-26T00:00:00Z"), Instant.now()));
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
