package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ADR 0008 end to end: a key whose requests come one at a time has its next admissions asked of guardrail while
 * each request is served, and what was asked ahead and never used is released, so the budget's holds come back
 * to nothing once the burst is over.
 */
class AdmissionsAheadSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "openai/gpt-4o-mini";
    private static final int REQUESTS = 6;
    private static final int MAX_TOKENS = 100;

    @Test
    void requestsOneAtATimeHaveTheirAdmissionsAskedAheadAndTheUnusedOnesAreReleased() throws Exception {
        Ports ports = SharedStack.ports();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Tenants.Tenant tenant = Tenants.create(admin, "ahead");
        BigDecimal worstCase = Budgets.worstCase(admin, MODEL, MAX_TOKENS);
        Budgets.dailyWorkspaceBudget(admin, tenant.workspaceId(), worstCase.multiply(new BigDecimal(100)));
        Budgets.awaitReserving(Budgets.serviceToken(), JSON.writeValueAsString(Map.of(
                "organization_id", tenant.organizationId(), "workspace_id", tenant.workspaceId(),
                "key_id", tenant.keyId(), "models", List.of(MODEL), "estimated_prompt_tokens", 0,
                "max_tokens", MAX_TOKENS)), List.of(ports.guardrail()));
        String before = Metrics.of(ports.guardrail());

        Set<String> generations = new HashSet<>();
        for (int i = 0; i < REQUESTS; i++) {
            String answer = given().header("Authorization", "Bearer " + tenant.apiKey())
                    .contentType("application/json")
                    .body(Map.of("model", MODEL, "max_tokens", MAX_TOKENS,
                            "messages", List.of(Map.of("role", "user", "content", "Say hello."))))
                    .post(SharedStack.url(ports.gateway(), "/api/v1/chat/completions"))
                    .then().statusCode(200).extract().asString();
            generations.add(JSON.readTree(answer).path("id").asText());
        }
        assertThat(generations).hasSize(REQUESTS);

        String after = Metrics.of(ports.guardrail());
        assertThat(checkCalls(after) - checkCalls(before))
                .as("check calls guardrail answered for %d requests one at a time; its metrics:%n%s", REQUESTS, after)
                .isGreaterThan(REQUESTS);

        // Every request's hold is settled by its usage record; the admissions asked ahead and left are released.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode budgets = budgets(admin, tenant);
            BigDecimal reserved = BigDecimal.ZERO;
            BigDecimal spent = BigDecimal.ZERO;
            for (JsonNode budget : budgets) {
                reserved = reserved.add(budget.path("reserved").decimalValue());
                spent = spent.add(budget.path("spent").decimalValue());
            }
            if (reserved.signum() == 0) {
                assertThat(spent).as("spent in %s", budgets).isPositive();
                break;
            }
            assertThat(System.nanoTime()).as("holds still reserved: %s", budgets).isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(sample(Metrics.of(ports.guardrail()), "uri=\"/internal/v1/reservations/{id}/release\"")
                - sample(before, "uri=\"/internal/v1/reservations/{id}/release\""))
                .as("admissions asked ahead and never used, released").isPositive();
    }

    private static JsonNode budgets(AdminClient admin, Tenants.Tenant tenant) throws Exception {
        JsonNode view = JSON.readTree(given().header("Authorization", "Bearer " + admin.token())
                .get(SharedStack.url(SharedStack.ports().guardrail(), "/api/v1/workspaces/" + tenant.workspaceId()
                        + "/guardrails/effective?key=" + tenant.keyId()))
                .then().statusCode(200).extract().asString());
        assertThat(view.path("budgets")).as("effective view %s", view).isNotEmpty();
        return view.path("budgets");
    }

    /** Check calls guardrail answered, alone or in batches. */
    private static double checkCalls(String metrics) {
        return sample(metrics, "uri=\"/internal/v1/checks\"") + sample(metrics, "uri=\"/internal/v1/checks/batch\"");
    }

    /** The sum of the request counts whose labels contain {@code labelPart}, which may hold braces ({@code {id}}). */
    private static double sample(String metrics, String labelPart) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("http_server_requests_seconds_count{") && line.contains(labelPart)) {
                String sample = line.split(" # ")[0].trim();
                sum += Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
