package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Budgets sized in worst-case requests, and checks made with the gateway's own service token. */
final class Budgets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Budgets() {
    }

    /** The model's endpoints in routing's catalogue, each with its {@code tag} (the provider) and {@code pricing}. */
    static JsonNode endpoints(AdminClient admin, String model) throws Exception {
        return JSON.readTree(given().header("Authorization", "Bearer " + admin.token())
                .get(SharedStack.url(SharedStack.ports().routing(), "/api/v1/catalog/models/" + model + "/endpoints"))
                .then().statusCode(200).extract().asString()).path("data").path("endpoints");
    }

    /** One request's worst case: {@code maxTokens} x the highest completion price among the model's endpoints. */
    static BigDecimal worstCase(AdminClient admin, String model, int maxTokens) throws Exception {
        BigDecimal highest = BigDecimal.ZERO;
        for (JsonNode e : endpoints(admin, model)) {
            highest = highest.max(new BigDecimal(e.path("pricing").path("completion").asText()));
        }
        return highest.multiply(BigDecimal.valueOf(maxTokens));
    }

    static void dailyWorkspaceBudget(AdminClient admin, String workspaceId, BigDecimal limit) {
        given().header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                .body(Map.of("budgets", List.of(Map.of("window", "daily", "limit", limit))))
                .put(SharedStack.url(SharedStack.ports().guardrail(),
                        "/api/v1/workspaces/" + workspaceId + "/guardrails"))
                .then().statusCode(200);
    }

    /** The gateway's token (client credentials of atrium-gateway), which guardrail's internal routes accept. */
    static String serviceToken() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "atrium-gateway")
                .formParam("client_secret", "local-gateway-secret")
                .post(SharedStack.get().keycloakUrl() + "/realms/atrium/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** Each guardrail answers this check with a reservation (prices and budget known), which is freed again. */
    static void awaitReserving(String token, String checkBody, List<Integer> guardrails) throws Exception {
        for (int port : guardrails) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                JsonNode answer = JSON.readTree(given().header("Authorization", "Bearer " + token)
                        .contentType("application/json").body(checkBody)
                        .post(SharedStack.url(port, "/internal/v1/checks"))
                        .then().statusCode(200).extract().asString());
                if (answer.path("reservation_id").isTextual()) {
                    given().header("Authorization", "Bearer " + token).post(SharedStack.url(port,
                            "/internal/v1/reservations/" + answer.path("reservation_id").asText() + "/release"))
                            .then().statusCode(204);
                    break;
                }
                assertThat(System.nanoTime()).as("guardrail on %d never reserved: %s", port, answer)
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }
}
