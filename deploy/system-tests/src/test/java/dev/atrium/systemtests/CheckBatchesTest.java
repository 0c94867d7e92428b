package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * ADR 0007 end to end: chat completions of one organization released together reach guardrail in
 * batches, and a budget still admits exactly what it holds. The upstream answers slowly, so no usage
 * record settles a reservation while the checks are decided.
 */
class CheckBatchesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "openai/gpt-4o-mini";
    private static final int REQUESTS = 40;
    private static final int MAX_TOKENS = 1000;

    @Test
    void concurrentRequestsOfOneOrganizationGoInBatchesAndItsBudgetAdmitsExactlyWhatItHolds() throws Exception {
        Ports ports = SharedStack.ports();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Tenants.Tenant tenant = Tenants.create(admin, "batches");
        BigDecimal worstCase = Budgets.worstCase(admin, MODEL, MAX_TOKENS);
        Budgets.dailyWorkspaceBudget(admin, tenant.workspaceId(), worstCase.multiply(new BigDecimal("10.5")));
        Budgets.awaitReserving(Budgets.serviceToken(), JSON.writeValueAsString(Map.of(
                "organization_id", tenant.organizationId(), "workspace_id", tenant.workspaceId(),
                "key_id", tenant.keyId(), "models", List.of(MODEL), "estimated_prompt_tokens", 0,
                "max_tokens", MAX_TOKENS)), List.of(ports.guardrail()));
        // The gateway resolves the key once, so the burst's checks leave it together rather than as resolutions return.
        given().header("Authorization", "Bearer " + tenant.apiKey())
                .get(SharedStack.url(ports.gateway(), "/api/v1/key")).then().statusCode(200);
        double batchesBefore = batchCalls(Metrics.of(ports.guardrail()));

        List<String> providers = new ArrayList<>();
        Budgets.endpoints(admin, MODEL).forEach(e -> providers.add(e.path("tag").asText()));
        assertThat(providers).isNotEmpty();
        providers.forEach(p -> given().contentType("application/json").body(Map.of("latency_ms", 1500))
                .put(SharedStack.url(ports.simulator(), "/sim/providers/" + p)).then().statusCode(200));
        List<HttpResponse<String>> answers;
        try {
            answers = sendTogether(ports, tenant.apiKey());
        } finally {
            providers.forEach(p -> given().delete(SharedStack.url(ports.simulator(), "/sim/providers/" + p))
                    .then().statusCode(200));
        }

        List<HttpResponse<String>> admitted = answers.stream().filter(r -> r.statusCode() != 402).toList();
        assertThat(admitted).hasSize(10).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        assertThat(answers.stream().filter(r -> r.statusCode() == 402)).hasSize(REQUESTS - 10)
                .allSatisfy(r -> assertThat(JSON.readTree(r.body()).path("error").path("code").asInt()).isEqualTo(402));
        String metrics = Metrics.of(ports.guardrail());
        assertThat(batchCalls(metrics)).as("check batches guardrail served; its metrics:%n%s", metrics)
                .isGreaterThan(batchesBefore);
    }

    private static List<HttpResponse<String>> sendTogether(Ports ports, String apiKey) throws Exception {
        String body = JSON.writeValueAsString(Map.of("model", MODEL, "max_tokens", MAX_TOKENS,
                "messages", List.of(Map.of("role", "user", "content", "Say hello."))));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CyclicBarrier barrier = new CyclicBarrier(REQUESTS);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                calls.add(pool.submit(() -> {
                    barrier.await();
                    return http.send(HttpRequest.newBuilder(URI.create(SharedStack.url(ports.gateway(),
                                    "/api/v1/chat/completions")))
                            .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                answers.add(call.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many check batches guardrail has answered (-1 before its first). */
    private static double batchCalls(String metrics) {
        return Metrics.sample(metrics, "http_server_requests_seconds_count", "uri=\"/internal/v1/checks/batch\"");
    }
}
