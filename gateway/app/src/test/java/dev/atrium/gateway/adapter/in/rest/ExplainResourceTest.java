package dev.atrium.gateway.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExplainResourceTest {

    @Test
    void explainsTheRouteWithQuotesWithoutCallingAProvider() throws Exception {
        int before = simulatorRequests();
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY).contentType(ContentType.JSON)
                .body(Map.of("model", "openai/gpt-4o-mini", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/api/v1/explain")
                .then().statusCode(200)
                .body("data.guardrail.allowed", equalTo(true))
                .body("data.route.provider", contains("sim-flaky", "openai"))
                .body("data.route[0].pricing.prompt", equalTo("0.00000015"))
                .body("data.would_call.provider", equalTo("sim-flaky"))
                .body("data.workspace_id", equalTo(FakeInternalServices.CONTEXT.workspaceId()));
        org.assertj.core.api.Assertions.assertThat(simulatorRequests()).isEqualTo(before);
    }

    @Test
    void explainsADenialWithTheGuardrailsMessage() {
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY).contentType(ContentType.JSON)
                .body(Map.of("model", "anthropic/claude-3.5-haiku", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/api/v1/explain")
                .then().statusCode(200)
                .body("data.guardrail.allowed", equalTo(false))
                .body("data.guardrail.status", equalTo(403))
                .body("data.would_call", nullValue());
    }

    private static int simulatorRequests() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(FakeInternalServices.SIMULATOR.baseUrl() + "/sim/requests")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.split("\"provider\"").length - 1;
    }
}
