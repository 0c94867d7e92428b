package dev.atrium.routing.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.local.testing.KafkaRecords;
import dev.atrium.routing.application.port.in.PruneAttemptsUseCase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Circuits and pruning derived from attempts sent to the real atrium.provider.attempts topic. */
@QuarkusTest
class CircuitBreakerResourceTest {

    private static final String MODEL = "meta-llama/llama-3.1-70b-instruct";
    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());

    @Inject
    EntityManager em;

    @Inject
    PruneAttemptsUseCase prune;

    @Test
    @TestSecurity(user = "gateway", roles = "atrium-service")
    void threeFailuresInARowTakeTheEndpointOutAndASuccessBringsItBack() throws Exception {
        Instant now = Instant.now();
        for (int i = 3; i >= 1; i--) {
            send(attempt("together", "error", 503, now.minusSeconds(i)));
        }

        assertThat(awaitPlan(p -> !p.contains("together"))).containsExactly("fireworks");

        send(attempt("together", "success", 200, Instant.now()));

        assertThat(awaitPlan(p -> p.contains("together"))).containsExactlyInAnyOrder("together", "fireworks");
    }

    @Test
    void attemptsOlderThanTheStatisticsWindowArePruned() throws Exception {
        String old = "att-prune-old-" + UUID.randomUUID();
        String recent = "att-prune-new-" + UUID.randomUUID();
        send(old, attempt("fireworks", "success", 200, Instant.now().minus(Duration.ofHours(2))));
        send(recent, attempt("fireworks", "success", 200, Instant.now().minusSeconds(5)));
        awaitStored(List.of(old, recent));

        int pruned = prune.prune();

        assertThat(pruned).isPositive();
        assertThat(stored(old)).isZero();
        assertThat(stored(recent)).isEqualTo(1);
    }

    private List<String> awaitPlan(Predicate<List<String>> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> providers = List.of();
        while (System.nanoTime() < deadline) {
            providers = given().contentType(ContentType.JSON)
                    .body(Map.of("model", MODEL, "provider", Map.of("sort", "price")))
                    .post("/internal/v1/routes/plan")
                    .then().statusCode(200).extract().jsonPath().getList("candidates.provider", String.class);
            if (until.test(providers)) {
                return providers;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The plan never changed as expected; last " + providers);
    }

    private void awaitStored(List<String> eventIds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (eventIds.stream().allMatch(id -> stored(id) == 1)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Attempts " + eventIds + " were never stored");
    }

    private long stored(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM provider_attempt WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private static ProviderAttempt attempt(String provider, String outcome, int status, Instant at) {
        return new ProviderAttempt("gen-" + UUID.randomUUID(), provider, MODEL, outcome, status, 400, 100L,
                "success".equals(outcome) ? 50 : 0, at);
    }

    private static void send(ProviderAttempt attempt) throws Exception {
        send("att-" + UUID.randomUUID(), attempt);
    }

    private static void send(String eventId, ProviderAttempt attempt) throws Exception {
        KafkaRecords.send(bootstrap(), GatewayEvents.ATTEMPTS_TOPIC, attempt.provider(), JSON.writeValueAsString(attempt),
                CloudEventHeaders.of(eventId, GatewayEvents.ATTEMPT_TYPE, GatewayEvents.SOURCE, Instant.now()));
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
