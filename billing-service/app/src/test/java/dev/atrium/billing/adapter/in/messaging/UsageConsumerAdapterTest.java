package dev.atrium.billing.adapter.in.messaging;

import static dev.atrium.billing.ApiCalls.balance;
import static dev.atrium.billing.ApiCalls.eventually;
import static dev.atrium.billing.ApiCalls.ledgerSize;
import static dev.atrium.billing.ApiCalls.read;
import static dev.atrium.billing.ApiCalls.topUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.billing.ApiCalls;
import dev.atrium.billing.api.BalanceChanged;
import dev.atrium.billing.api.BillingEvents;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.local.testing.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The gateway's usage records, sent to the real topic, as billing books them. */
@QuarkusTest
@TestSecurity(user = "platform-admin-1", roles = "platform-admin")
class UsageConsumerAdapterTest {

    private static final Duration LANDING = Duration.ofSeconds(20);

    @Test
    void usageRecordBecomesAGenerationAndDebitsExactlyItsCost() {
        String org = "org_kafka_" + suffix();
        topUp(org, "seed-" + org, 10).then().statusCode(201);
        UsageRecorded usage = usage(org, "gen-" + UUID.randomUUID(), "0.0012345678");

        send(usage);
        JsonNode generation = landed(usage.generationId());

        assertThat(generation.get("total_cost").decimalValue()).isEqualByComparingTo("0.0012345678");
        assertThat(generation.get("model").asText()).isEqualTo("openai/gpt-4o-mini");
        assertThat(generation.get("provider_name").asText()).isEqualTo("sim-fast");
        assertThat(generation.get("tokens_prompt").asLong()).isEqualTo(1200);
        assertThat(generation.get("tokens_completion").asLong()).isEqualTo(345);
        assertThat(generation.get("latency").asLong()).isEqualTo(812);
        assertThat(generation.get("workspace_id").asText()).isEqualTo("ws_default");
        assertThat(generation.get("key_id").asText()).isEqualTo("key_1");
        assertThat(generation.get("policy_revision").asText()).isEqualTo("org:2,ws:5");
        assertThat(generation.get("created_at").asText()).isEqualTo("2026-11-26T10:15:30.123Z");
        assertThat(balance(org)).isEqualByComparingTo("9.9987654322");

        var events = KafkaRecords.readUntil(bootstrap(), BillingEvents.BALANCE_TOPIC,
                r -> r.value().contains(usage.generationId()), LANDING);
        BalanceChanged changed = parse(events.get(events.size() - 1).value(), BalanceChanged.class);
        assertThat(events.get(events.size() - 1).key()).isEqualTo(org);
        assertThat(changed.balance()).isEqualByComparingTo("9.9987654322");
        assertThat(changed.cause()).isEqualTo("usage");
        assertThat(changed.revision()).isEqualTo(2);
    }

    /** The test profile charges a 5% BYOK fee (atrium.billing.byok-fee-percent). */
    @Test
    void aByokRecordDebitsOnlyTheFeeOnItsUpstreamCost() {
        String org = "org_byok_" + suffix();
        topUp(org, "seed-" + org, 10).then().statusCode(201);
        UsageRecorded byok = usage(org, "gen-" + UUID.randomUUID(), "0.0012345678", true);

        send(byok);
        send(byok);
        JsonNode generation = landed(byok.generationId());

        assertThat(generation.get("total_cost").decimalValue()).as("what the workspace's provider charged")
                .isEqualByComparingTo("0.0012345678");
        assertThat(generation.get("is_byok").asBoolean()).isTrue();
        assertThat(generation.get("byok_fee").decimalValue()).isEqualByComparingTo("0.0000617284");
        assertThat(generation.get("charged").decimalValue()).isEqualByComparingTo("0.0000617284");
        assertThat(balance(org)).isEqualByComparingTo("9.9999382716");

        JsonNode entries = read(given().get("/api/v1/organizations/{org}/ledger", org)
                .then().statusCode(200).extract().asString()).get("data");
        assertThat(entries).hasSize(2 + 2);
        assertThat(entries.get(0).get("kind").asText()).isEqualTo("byok_fee");
        assertThat(entries.findValuesAsText("account")).contains("byok_fees");
        assertThat(entries.get(0).get("amount").decimalValue()).isEqualByComparingTo("0.0000617284");
        JsonNode books = read(given().get("/api/v1/organizations/{org}/invariants", org)
                .then().statusCode(200).extract().asString());
        assertThat(books.get("hold").asBoolean()).isTrue();
        assertThat(books.get("generations_not_debited_once").asLong()).isZero();
        JsonNode total = read(given().queryParam("from", "2026-11-01").queryParam("to", "2026-12-01")
                .get("/api/v1/organizations/{org}/usage", org).then().statusCode(200).extract().asString())
                .get("total");
        assertThat(total.get("cost").decimalValue()).isEqualByComparingTo("0.0012345678");
        assertThat(total.get("byok_fee").decimalValue()).isEqualByComparingTo("0.0000617284");
        assertThat(total.get("charged").decimalValue()).isEqualByComparingTo("0.0000617284");

        var events = KafkaRecords.readUntil(bootstrap(), BillingEvents.BALANCE_TOPIC,
                r -> r.value().contains(byok.generationId()), LANDING);
        BalanceChanged changed = parse(events.get(events.size() - 1).value(), BalanceChanged.class);
        assertThat(changed.cause()).isEqualTo("byok_fee");
        assertThat(changed.balance()).isEqualByComparingTo("9.9999382716");
    }

    @Test
    void theSameRecordSentTwiceDebitsOnce() {
        String org = "org_dup_" + suffix();
        topUp(org, "seed-" + org, 1).then().statusCode(201);
        UsageRecorded usage = usage(org, "gen-" + UUID.randomUUID(), "0.25");
        UsageRecorded marker = usage(org, "gen-" + UUID.randomUUID(), "0.0000000001");

        send(usage);
        send(usage);
        // Same organization, same partition: once the later record is booked, both copies were read.
        send(marker);
        landed(marker.generationId());

        assertThat(balance(org)).isEqualByComparingTo("0.7499999999");
        assertThat(ledgerSize(org)).isEqualTo(2 + 2 + 2);
    }

    @Test
    void malformedRecordsAreSkippedAndWriteNothing() {
        String org = "org_bad_" + suffix();
        topUp(org, "seed-" + org, 1).then().statusCode(201);
        String negativeId = "gen-" + UUID.randomUUID();
        UsageRecorded valid = usage(org, "gen-" + UUID.randomUUID(), "0.5");

        KafkaRecords.send(bootstrap(), GatewayEvents.USAGE_TOPIC, org, "{not json",
                CloudEventHeaders.of("evt-1", GatewayEvents.USAGE_TYPE, GatewayEvents.SOURCE, Instant.now()));
        send(usage(org, negativeId, "-1"));
        KafkaRecords.send(bootstrap(), GatewayEvents.USAGE_TOPIC, org, ApiCalls.write(usage(org, "gen-other", "9")),
                CloudEventHeaders.of("evt-2", "dev.atrium.gateway.something.else.v1", GatewayEvents.SOURCE,
                        Instant.now()));
        send(valid);
        landed(valid.generationId());

        given().get("/api/v1/generations/{id}", negativeId).then().statusCode(404);
        given().get("/api/v1/generations/{id}", "gen-other").then().statusCode(404);
        assertThat(balance(org)).isEqualByComparingTo("0.5");
        assertThat(ledgerSize(org)).isEqualTo(4);
    }

    private static JsonNode landed(String generationId) {
        return eventually(LANDING, "generation " + generationId, () -> {
            Response r = given().get("/api/v1/generations/{id}", generationId);
            return r.statusCode() == 200 ? read(r.asString()).get("data") : null;
        });
    }

    private static void send(UsageRecorded usage) {
        KafkaRecords.send(bootstrap(), GatewayEvents.USAGE_TOPIC, usage.organizationId(), ApiCalls.write(usage),
                CloudEventHeaders.of(usage.generationId(), GatewayEvents.USAGE_TYPE, GatewayEvents.SOURCE,
                        usage.createdAt()));
    }

    private static UsageRecorded usage(String org, String generationId, String cost) {
        return usage(org, generationId, cost, false);
    }

    private static UsageRecorded usage(String org, String generationId, String cost, boolean byok) {
        return new UsageRecorded(generationId, org, "ws_default", "key_1", "user-1", "openai/gpt-4o-mini",
                "sim-fast", "gpt-4o-mini", 1200, 345, new BigDecimal("0.00000015"), new BigDecimal("0.0000006"),
                new BigDecimal(cost), byok, "res-1", "org:2,ws:5", 812, true, "stop",
                Instant.parse("2026-11-26T10:15:30.123Z"));
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return ApiCalls.JSON.readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
