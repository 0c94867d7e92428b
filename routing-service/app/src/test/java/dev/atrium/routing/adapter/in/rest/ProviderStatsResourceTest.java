package dev.atrium.routing.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.local.testing.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Attempts sent to the real topic become the live statistics of their endpoint. */
@QuarkusTest
class ProviderStatsResourceTest {

    private static final String PROVIDER = "sim-flaky";
    private static final String MODEL = "meta-llama/llama-3.1-8b-instruct";
    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());

    @Test
    @TestSecurity(user = "someone", roles = "/orgs/org_1/admin")
    void attemptsOnKafkaBecomeStatisticsOnceEachAndOnlyInTheWindowSkippingMalformedOnes() throws Exception {
        Instant now = Instant.now();
        KafkaRecords.send(bootstrap(), GatewayEvents.ATTEMPTS_TOPIC, PROVIDER, "{not json",
                CloudEventHeaders.of("att-malformed", GatewayEvents.ATTEMPT_TYPE, GatewayEvents.SOURCE, now));
        send("att-old", attempt("gen-0", "success", 200, 100, 10L, 50, now.minus(Duration.ofHours(2))));
        send("att-1", attempt("gen-1", "success", 200, 800, 200L, 400, now.minusSeconds(30)));
        send("att-1", attempt("gen-1", "success", 200, 800, 200L, 400, now.minusSeconds(30)));
        send("att-2", attempt("gen-2", "error", 503, 50, null, 0, now.minusSeconds(20)));
        send("att-3", attempt("gen-3", "timeout", 0, 30_000, null, 0, now.minusSeconds(10)));

        Map<String, Object> stats = awaitRequests(3, Duration.ofSeconds(30));

        assertThat(stats).containsEntry("successes", 1).containsEntry("consecutive_failures", 2)
                .containsEntry("status", 0);
        assertThat(((Number) stats.get("uptime")).doubleValue()).isCloseTo(1.0 / 3, within(1e-6));
        assertThat(stats.get("latency")).isEqualTo(Map.of("p50", 200.0f, "p90", 200.0f));
        assertThat(stats.get("throughput")).isEqualTo(Map.of("p50", 500.0f));

        given().get("/api/v1/catalog/models/{author}/{slug}/endpoints", "meta-llama", "llama-3.1-8b-instruct")
                .then().statusCode(200)
                .body("data.endpoints.find { it.tag == 'sim-flaky' }.uptime_last_30m", equalTo(33.33f))
                .body("data.endpoints.find { it.tag == 'sim-flaky' }.latency_last_30m.p50", equalTo(200.0f))
                .body("data.endpoints.find { it.tag == 'sim-flaky' }.latency_last_30m.p90", equalTo(200.0f))
                .body("data.endpoints.find { it.tag == 'sim-flaky' }.throughput_last_30m.p50", equalTo(500.0f))
                .body("data.endpoints.find { it.tag == 'sim-flaky' }.status", equalTo(0))
                .body("data.endpoints.find { it.tag == 'groq' }.uptime_last_30m", nullValue());
    }

    @Test
    void anonymousCallersCannotSeeTheStatistics() {
        given().get("/api/v1/providers/stats").then().statusCode(401).body("error.code", equalTo(401));
    }

    private static Map<String, Object> awaitRequests(int requests, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            JsonPath body = given().get("/api/v1/providers/stats").then().statusCode(200).extract().jsonPath();
            last = body.getMap("data.find { it.provider == '" + PROVIDER + "' && it.model == '" + MODEL + "' }");
            if (last != null && ((Number) last.get("requests")).intValue() >= requests) {
                assertThat(last.get("requests")).isEqualTo(requests);
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Statistics never reached " + requests + " requests; last saw " + last);
    }

    private static ProviderAttempt attempt(String generation, String outcome, int status, long latencyMs, Long ttftMs,
            long completionTokens, Instant at) {
        return new ProviderAttempt(generation, PROVIDER, MODEL, outcome, status, latencyMs, ttftMs, completionTokens, at);
    }

    private static void send(String eventId, ProviderAttempt attempt) throws JsonProcessingException {
        KafkaRecords.send(bootstrap(), GatewayEvents.ATTEMPTS_TOPIC, PROVIDER, JSON.writeValueAsString(attempt),
                CloudEventHeaders.of(eventId, GatewayEvents.ATTEMPT_TYPE, GatewayEvents.SOURCE, Instant.now()));
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
