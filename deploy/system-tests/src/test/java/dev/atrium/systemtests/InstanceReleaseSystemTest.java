package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gateway killed (SIGKILL) with requests in flight gives their holds back when it starts again
 * (ADR 0019), minutes before guardrail's sweep would (ttl 6 minutes); another gateway instance's holds
 * stay held meanwhile.
 */
class InstanceReleaseSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String MODEL = "openai/gpt-4o-mini";
    private static final int IN_FLIGHT = 3;

    @Test
    void aRestartedGatewayGivesBackItsKilledLifesHoldsAndNeverAnotherInstances() throws Exception {
        Ports ports = SharedStack.ports();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Tenants.Tenant tenant = Tenants.create(admin, "lives");
        int replica = SharedStack.get().startReplica("gateway");
        List<String> providers = new ArrayList<>();
        Budgets.endpoints(admin, MODEL).forEach(e -> providers.add(e.path("tag").asText()));
        HttpClient client = HttpClient.newHttpClient();
        try {
            // Every provider of the model accepts and never answers: the requests stay in flight, holding.
            for (String provider : providers) {
                simulator(client, "PUT", provider, "{\"hang\": true}");
            }
            BigDecimal before = open(admin);
            send(client, replica, tenant.apiKey(), IN_FLIGHT);
            BigDecimal replicaHolds = awaitOpenAbove(admin, before, IN_FLIGHT);
            send(client, ports.gateway(), tenant.apiKey(), IN_FLIGHT);
            BigDecimal bothHold = awaitOpenAbove(admin, replicaHolds, IN_FLIGHT);
            BigDecimal killedHolds = bothHold.subtract(replicaHolds);
            assertThat(killedHolds).as("the first gateway's holds").isPositive();

            long killed = Faults.kill("gateway").killed();
            Faults.restart("gateway");
            BigDecimal after = bothHold;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (after.compareTo(replicaHolds) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                after = open(admin);
            }
            double seconds = (System.nanoTime() - killed) / 1e9;
            System.out.printf("holds of the killed life given back %.1f s after the kill%n", seconds);
            assertThat(after).as("open reservations after the restart (the replica's %s stay)", replicaHolds)
                    .isEqualByComparingTo(replicaHolds);
            assertThat(seconds).as("well before the sweep's 6 minutes").isLessThan(120);
            assertThat(Files.readString(SharedStack.get().log("gateway")))
                    .containsPattern("Gave back [1-9]\\d* holds of this instance's earlier lives");
            JsonNode books = reconciliation(admin);
            assertThat(books.path("drift").decimalValue()).isEqualByComparingTo("0");
            assertThat(books.path("negative_rows").asLong()).isZero();
        } finally {
            for (String provider : providers) {
                simulator(client, "DELETE", provider, null);
            }
            SharedStack.get().stop("gateway-" + replica);
        }
    }

    /** Streams that stay open: the gateway answers the headers at once and then waits on the provider. */
    private static void send(HttpClient client, int port, String key, int n) {
        for (int i = 0; i < n; i++) {
            client.sendAsync(HttpRequest.newBuilder(URI.create(SharedStack.url(port, "/api/v1/chat/completions")))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + MODEL + "\",\"stream\":true,"
                            + "\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"in flight " + i + "\"}]}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Waits until n more holds of one request's size are open than {@code floor}, and for them to settle in. */
    private static BigDecimal awaitOpenAbove(AdminClient admin, BigDecimal floor, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        BigDecimal open = open(admin);
        BigDecimal last = null;
        while (System.nanoTime() < deadline && (open.compareTo(floor) <= 0 || !open.equals(last))) {
            last = open;
            Thread.sleep(1000);
            open = open(admin);
        }
        assertThat(open).as("%d requests in flight hold", n).isGreaterThan(floor);
        return open;
    }

    private static BigDecimal open(AdminClient admin) throws Exception {
        return reconciliation(admin).path("open_reservations").decimalValue();
    }

    private static JsonNode reconciliation(AdminClient admin) throws Exception {
        return JSON.readTree(given().header("Authorization", "Bearer " + admin.token())
                .get(SharedStack.url(SharedStack.ports().guardrail(), "/api/v1/admin/reservations/reconciliation"))
                .then().statusCode(200).extract().asString());
    }

    private static void simulator(HttpClient client, String method, String provider, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedStack.url(SharedStack.ports().simulator(),
                "/sim/providers/" + provider))).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
