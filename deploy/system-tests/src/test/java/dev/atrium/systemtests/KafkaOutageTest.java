package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Kafka goes away while requests are served: every generation still reaches billing exactly once. */
class KafkaOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int REQUESTS = 12;

    @Test
    void usageServedDuringAKafkaOutageIsBilledOnceWhenItReturns() throws Exception {
        Ports ports = SharedStack.ports();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Tenants.Tenant tenant = Tenants.create(admin, "outage");
        String org = tenant.organizationId();
        String key = tenant.apiKey();

        SharedStack.get().stop("kafka");
        Set<String> ids = new HashSet<>();
        BigDecimal cost = BigDecimal.ZERO;
        try {
            for (int i = 0; i < REQUESTS; i++) {
                JsonNode answer = JSON.readTree(given().header("Authorization", "Bearer " + key)
                        .contentType(ContentType.JSON)
                        .body(Map.of("model", "openai/gpt-4o-mini", "stream", i % 2 == 1,
                                "messages", List.of(Map.of("role", "user", "content", "during the outage " + i))))
                        .post(SharedStack.url(ports.gateway(), "/api/v1/chat/completions"))
                        .then().statusCode(200).extract().asString().lines()
                        .filter(l -> !l.startsWith(":") && !l.isBlank() && !l.contains("[DONE]"))
                        .reduce((first, last) -> last).map(l -> l.startsWith("data: ") ? l.substring(6) : l)
                        .orElseThrow());
                ids.add(answer.path("id").asText());
                cost = cost.add(answer.path("usage").path("cost").decimalValue());
            }
        } finally {
            SharedStack.get().restart("kafka");
        }
        assertThat(ids).hasSize(REQUESTS);

        String token = admin.token();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode usage = null;
        while (System.nanoTime() < deadline) {
            usage = JSON.readTree(given().header("Authorization", "Bearer " + token)
                    .get(SharedStack.url(ports.billing(), "/api/v1/organizations/" + org + "/usage?group_by=workspace"))
                    .then().statusCode(200).extract().asString());
            if (usage.path("total").path("requests").asLong() >= REQUESTS) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(usage.path("total").path("requests").asLong()).isEqualTo(REQUESTS);
        assertThat(usage.path("total").path("cost").decimalValue()).isEqualByComparingTo(cost);
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (given().header("Authorization", "Bearer " + token)
                    .get(SharedStack.url(ports.billing(), "/api/v1/generations/" + id)).statusCode() != 200) {
                missing.add(id);
            }
        }
        assertThat(missing).isEmpty();
        JsonNode balance = JSON.readTree(given().header("Authorization", "Bearer " + token)
                .get(SharedStack.url(ports.billing(), "/api/v1/organizations/" + org + "/balance")).asString());
        assertThat(balance.path("balance").decimalValue()).isEqualByComparingTo(new BigDecimal("10").subtract(cost));

        // The guardrail's spend for the key (GET /api/v1/key, from its own settlement of the same records)
        // agrees with billing to the last digit.
        BigDecimal keyUsage = null;
        long settled = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < settled) {
            keyUsage = JSON.readTree(given().header("Authorization", "Bearer " + key)
                    .get(SharedStack.url(ports.gateway(), "/api/v1/key")).then().statusCode(200).extract().asString())
                    .path("data").path("usage").decimalValue();
            if (keyUsage.compareTo(cost) == 0) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(keyUsage).isEqualByComparingTo(cost);
    }
}
