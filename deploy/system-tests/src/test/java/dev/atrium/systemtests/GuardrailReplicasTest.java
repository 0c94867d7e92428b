package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Issue 4's race with two guardrail-service processes (the packaged jar twice, one database): 256 checks
 * released together, half to each, against a budget with room for exactly 10 worst-case requests.
 */
class GuardrailReplicasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHECKS = 256;
    private static final int MAX_TOKENS = 1000;

    @Test
    void twoInstancesAdmitExactlyWhatTheBudgetHolds() throws Exception {
        Ports ports = SharedStack.ports();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Tenants.Tenant tenant = Tenants.create(admin, "race");
        int second = SharedStack.get().startReplica("guardrail");

        BigDecimal worstCase = Budgets.worstCase(admin, "openai/gpt-4o-mini", MAX_TOKENS);
        BigDecimal limit = worstCase.multiply(new BigDecimal("10.5"));
        Budgets.dailyWorkspaceBudget(admin, tenant.workspaceId(), limit);

        String token = Budgets.serviceToken();
        String body = JSON.writeValueAsString(Map.of("organization_id", tenant.organizationId(),
                "workspace_id", tenant.workspaceId(), "key_id", tenant.keyId(), "models", List.of("openai/gpt-4o-mini"),
                "estimated_prompt_tokens", 0, "max_tokens", MAX_TOKENS));
        Budgets.awaitReserving(token, body, List.of(ports.guardrail(), second));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CyclicBarrier barrier = new CyclicBarrier(CHECKS);
        ExecutorService pool = Executors.newFixedThreadPool(CHECKS);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < CHECKS; i++) {
            int port = i % 2 == 0 ? ports.guardrail() : second;
            calls.add(pool.submit(() -> {
                barrier.await();
                return http.send(HttpRequest.newBuilder(URI.create(SharedStack.url(port, "/internal/v1/checks")))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
            }));
        }
        List<JsonNode> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            answers.add(JSON.readTree(response.body()));
        }
        pool.shutdown();

        List<JsonNode> admitted = answers.stream().filter(a -> a.path("allowed").asBoolean()).toList();
        List<JsonNode> refused = answers.stream().filter(a -> !a.path("allowed").asBoolean()).toList();
        assertThat(admitted).hasSize(10);
        assertThat(refused).hasSize(CHECKS - 10).allSatisfy(a -> {
            assertThat(a.path("status").asInt()).isEqualTo(402);
            assertThat(a.path("message").asText()).contains("budget").contains("exceeded");
        });

        // Nothing was generated: releasing every reservation leaves nothing held and nothing spent.
        for (JsonNode a : admitted) {
            given().header("Authorization", "Bearer " + token)
                    .post(SharedStack.url(second, "/internal/v1/reservations/" + a.path("reservation_id").asText()
                            + "/release")).then().statusCode(204);
        }
        JsonNode view = JSON.readTree(given().header("Authorization", "Bearer " + admin.token())
                .get(SharedStack.url(ports.guardrail(), "/api/v1/workspaces/" + tenant.workspaceId()
                        + "/guardrails/effective?key=" + tenant.keyId()))
                .then().statusCode(200).extract().asString());
        assertThat(view.path("budgets")).as("effective view %s", view).isNotEmpty();
        for (JsonNode budget : view.path("budgets")) {
            assertThat(budget.path("spent").decimalValue()).isLessThanOrEqualTo(limit);
            assertThat(budget.path("reserved").isNumber()).as("reserved in %s", budget).isTrue();
            assertThat(budget.path("reserved").decimalValue()).isZero();
        }
    }
}
