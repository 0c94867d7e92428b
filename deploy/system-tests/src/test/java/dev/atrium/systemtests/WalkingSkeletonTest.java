package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.Ports;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton end to end: the whole stack started by the launcher's code on free ports,
 * a real Keycloak token, one priced generation through all five services, found in billing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String MODEL = "openai/gpt-4o-mini";

    private static Ports ports;
    private static String token;
    private static String org;
    private static String workspace;
    private static String apiKey;
    private static String generationId;
    private static BigDecimal cost;

    @BeforeAll
    static void startStack() {
        ports = SharedStack.ports();
        token = SharedStack.adminToken();
    }

    @Test
    @Order(1)
    void adminCreatesOrganizationWorkspaceKeyCreditsAndCeiling() {
        String slug = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        org = admin().body(Map.of("name", "Acme", "slug", slug))
                .post(url(ports.workspace(), "/api/v1/organizations"))
                .then().statusCode(201).body("slug", equalTo(slug)).extract().path("id");
        workspace = admin().body(Map.of("name", "Prod", "slug", "prod"))
                .post(url(ports.workspace(), "/api/v1/organizations/" + org + "/workspaces"))
                .then().statusCode(201).body("organization_id", equalTo(org)).extract().path("id");
        apiKey = admin().body(Map.of("name", "system-test"))
                .post(url(ports.workspace(), "/api/v1/workspaces/" + workspace + "/keys"))
                .then().statusCode(201).body("key", startsWith("sk-at-v1-")).extract().path("key");
        admin().header("Idempotency-Key", "system-test-" + org)
                .body(Map.of("amount", 100, "currency", "USD", "kind", "top_up", "note", "system test"))
                .post(url(ports.billing(), "/api/v1/organizations/" + org + "/credits"))
                .then().statusCode(201);
        Tenants.awaitGuardrailCredits(org, workspace);
        admin().body(Map.of("allowed_models", List.of("openai/*", "meta-llama/*")))
                .put(url(ports.guardrail(), "/api/v1/organizations/" + org + "/guardrails"))
                .then().statusCode(200);
        assertThat(balance()).isEqualByComparingTo("100");
    }

    @Test
    @Order(2)
    void chatCompletionIsPricedAtTheCatalogueQuote() throws Exception {
        Response response = chat(apiKey, MODEL);
        response.then().statusCode(200).body("id", startsWith("gen-")).body("model", equalTo(MODEL))
                .body("choices[0].message.role", equalTo("assistant"));
        JsonNode answer = JSON.readTree(response.asString());
        generationId = answer.path("id").asText();
        String provider = answer.path("provider").asText();
        long prompt = answer.path("usage").path("prompt_tokens").asLong();
        long completion = answer.path("usage").path("completion_tokens").asLong();
        cost = answer.path("usage").path("cost").decimalValue();
        assertThat(prompt).isPositive();
        assertThat(completion).isPositive();

        JsonNode endpoints = JSON.readTree(given().get(url(ports.routing(),
                "/api/v1/catalog/models/" + MODEL + "/endpoints")).then().statusCode(200).extract().asString());
        JsonNode endpoint = null;
        for (JsonNode e : endpoints.path("data").path("endpoints")) {
            if (e.path("tag").asText().equals(provider)) {
                endpoint = e;
            }
        }
        assertThat(endpoint).as("the answering provider %s is in the catalogue", provider).isNotNull();
        BigDecimal expected = new BigDecimal(endpoint.path("pricing").path("prompt").asText())
                .multiply(BigDecimal.valueOf(prompt))
                .add(new BigDecimal(endpoint.path("pricing").path("completion").asText())
                        .multiply(BigDecimal.valueOf(completion)))
                .setScale(10, RoundingMode.HALF_EVEN);
        assertThat(cost).isEqualByComparingTo(expected);
        assertThat(cost).isPositive();
    }

    @Test
    @Order(3)
    void billingRecordsTheGenerationAndDebitsExactlyItsCost() throws Exception {
        JsonNode generation = awaitGeneration(generationId).path("data");
        assertThat(generation.path("id").asText()).isEqualTo(generationId);
        assertThat(generation.path("total_cost").decimalValue()).isEqualByComparingTo(cost);
        assertThat(generation.path("workspace_id").asText()).isEqualTo(workspace);
        assertThat(generation.path("model").asText()).isEqualTo(MODEL);
        assertThat(balance()).isEqualByComparingTo(new BigDecimal("100").subtract(cost));

        JsonNode usage = JSON.readTree(admin().get(url(ports.billing(), "/api/v1/organizations/" + org
                + "/usage?group_by=workspace")).then().statusCode(200).extract().asString());
        assertThat(usage.path("data").get(0).path("workspace_id").asText()).isEqualTo(workspace);
        assertThat(usage.path("data").get(0).path("requests").asLong()).isEqualTo(1);
        assertThat(usage.path("data").get(0).path("cost").decimalValue()).isEqualByComparingTo(cost);
    }

    @Test
    @Order(4)
    void modelOutsideTheOrganizationsAllowedModelsIsDenied() {
        chat(apiKey, "anthropic/claude-3.5-haiku").then().statusCode(403)
                .body("error.code", equalTo(403));
        chat(apiKey, MODEL).then().statusCode(200);
    }

    @Test
    @Order(5)
    void wrongOrMissingKeyIs401AndReachesNoProvider() throws Exception {
        int before = simulatorRequests();
        chat("sk-at-v1-" + "x".repeat(46), MODEL).then().statusCode(401).body("error.code", equalTo(401));
        given().contentType(ContentType.JSON).body(Map.of("model", MODEL,
                        "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post(url(ports.gateway(), "/api/v1/chat/completions"))
                .then().statusCode(401).body("error.code", equalTo(401));
        assertThat(simulatorRequests()).isEqualTo(before);
    }

    private static Response chat(String key, String model) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body(Map.of("model", model,
                        "messages", List.of(Map.of("role", "user", "content", "Hello from the system test"))))
                .post(url(ports.gateway(), "/api/v1/chat/completions"));
    }

    private static BigDecimal balance() {
        String body = admin().get(url(ports.billing(), "/api/v1/organizations/" + org + "/balance"))
                .then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body).path("balance").decimalValue();
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private static JsonNode awaitGeneration(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Response response = admin().get(url(ports.billing(), "/api/v1/generations/" + id));
            if (response.statusCode() == 200) {
                return JSON.readTree(response.asString());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("generation " + id + " never reached billing");
    }

    private static int simulatorRequests() throws Exception {
        return JSON.readTree(given().get(url(ports.simulator(), "/sim/requests")).asString()).path("data").size();
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String url(int port, String path) {
        return SharedStack.url(port, path);
    }
}
