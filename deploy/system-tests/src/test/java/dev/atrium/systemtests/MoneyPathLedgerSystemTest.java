package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The money path's ledger on the whole stack: credits fail closed, explain is a dry run, and after a
 * burst the reservations reconcile (what is held equals what open reservations hold, nothing negative).
 */
class MoneyPathLedgerSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "openai/gpt-4o-mini";
    private static final int BURST = 256;

    private final Ports ports = SharedStack.ports();
    private final AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());

    @Test
    void anOrganizationWithoutCreditsGets402WithoutItsBalanceTold() throws Exception {
        String org = Tenants.organization(admin, "no-credits");
        String ws = Tenants.workspace(admin, org, "apps");
        Tenants.awaitGuardrailKnows(admin, ws);
        String key = Tenants.key(admin, ws, "no-credits").path("key").asText();

        HttpResponse<String> answer = chat(HttpClient.newHttpClient(), key);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(402);
        String message = JSON.readTree(answer.body()).path("error").path("message").asText();
        assertThat(message).startsWith("Insufficient credits").doesNotContain("balance");
    }

    @Test
    void explainingMoreTimesThanTheKeysRateLimitLeavesTheRealRequestAdmitted() throws Exception {
        Tenants.Tenant tenant = Tenants.create(admin, "explained");
        given().header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                .body(Map.of("rate_limits", Map.of("requests_per_minute", 3)))
                .put(SharedStack.url(ports.guardrail(), "/api/v1/workspaces/" + tenant.workspaceId() + "/keys/"
                        + tenant.keyId() + "/guardrails"))
                .then().statusCode(200);
        HttpClient http = HttpClient.newHttpClient();
        // Explain shows the key's policy revision: once it names the key's first revision, the limit is in force.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode explained = explain(http, tenant.apiKey());
        while (!explained.path("data").path("guardrail").path("policy_revision").asText().contains("key:1")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            explained = explain(http, tenant.apiKey());
        }
        for (int i = 0; i < 5; i++) {
            JsonNode e = explain(http, tenant.apiKey());
            assertThat(e.path("data").path("guardrail").path("allowed").asBoolean()).as("explain %d: %s", i, e).isTrue();
            assertThat(e.path("data").path("guardrail").path("reservation_id").isNull()).isTrue();
        }

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = chat(http, tenant.apiKey());
            assertThat(answer.statusCode()).as("request %d after 5+ explains: %s", i, answer.body()).isEqualTo(200);
        }
    }

    @Test
    void afterABurstOfConcurrentRequestsTheReservationsReconcile() throws Exception {
        Tenants.Tenant tenant = Tenants.create(admin, "burst");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().executor(pool).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                calls.add(http.sendAsync(chatRequest(tenant.apiKey()), HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                statuses.add(call.get(120, TimeUnit.SECONDS).statusCode());
            }
            assertThat(statuses).as("a $10 balance covers the burst").doesNotContain(402, 429);
            assertThat(statuses.stream().filter(s -> s == 200).count()).as("%s", statuses)
                    .isGreaterThanOrEqualTo(BURST / 2);
        } finally {
            pool.shutdownNow();
        }

        JsonNode during = reconciliation();
        assertBalanced(during);
        // Once the usage records have settled every reservation, the books still agree.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode after = reconciliation();
        while (after.path("open_reservations").decimalValue().signum() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            after = reconciliation();
        }
        assertBalanced(after);
        assertThat(after.path("open_reservations").decimalValue()).as("%s", after).isZero();
    }

    private static void assertBalanced(JsonNode r) {
        assertThat(r.path("drift").decimalValue()).as("%s", r).isZero();
        assertThat(r.path("organizations_with_drift").asInt()).as("%s", r).isZero();
        assertThat(r.path("negative_rows").asLong()).as("%s", r).isZero();
        assertThat(r.path("data").size()).as("%s", r).isZero();
    }

    private JsonNode reconciliation() throws Exception {
        return JSON.readTree(given().header("Authorization", "Bearer " + admin.token())
                .get(SharedStack.url(ports.guardrail(), "/api/v1/admin/reservations/reconciliation"))
                .then().statusCode(200).extract().asString());
    }

    private HttpRequest chatRequest(String apiKey) throws Exception {
        return HttpRequest.newBuilder(URI.create(SharedStack.url(ports.gateway(), "/api/v1/chat/completions")))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body())).build();
    }

    private HttpResponse<String> chat(HttpClient http, String apiKey) throws Exception {
        return http.send(chatRequest(apiKey), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode explain(HttpClient http, String apiKey) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create(SharedStack.url(ports.gateway(), "/api/v1/explain")))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String body() throws Exception {
        return JSON.writeValueAsString(Map.of("model", MODEL, "max_tokens", 16,
                "messages", List.of(Map.of("role", "user", "content", "Count the money"))));
    }
}
