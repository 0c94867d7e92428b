package dev.atrium.gateway.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.local.testing.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatCompletionsResourceTest {

    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());
    private static final Map<String, Object> BODY = Map.of("model", "openai/gpt-4o-mini",
            "messages", List.of(Map.of("role", "user", "content", "Say hello to the walking skeleton")));

    @AfterEach
    void resetSimulator() throws Exception {
        control("DELETE", "sim-flaky", null);
    }

    @Test
    void answersInOpenAiShapeWithCostAndPublishesUsage() throws Exception {
        var response = given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/chat/completions")
                .then().statusCode(200)
                .body("id", startsWith("gen-"))
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo("openai/gpt-4o-mini"))
                .body("choices[0].message.role", equalTo("assistant"))
                .extract().asString();
        JsonNode answer = JSON.readTree(response);
        long prompt = answer.path("usage").path("prompt_tokens").asLong();
        long completion = answer.path("usage").path("completion_tokens").asLong();
        BigDecimal expected = FakeInternalServices.PRICE.cost(prompt, completion);
        assertThat(prompt).isPositive();
        assertThat(completion).isPositive();
        assertThat(answer.path("usage").path("cost").decimalValue()).isEqualByComparingTo(expected);
        assertThat(response).doesNotContain("E-");

        String id = answer.path("id").asText();
        var records = KafkaRecords.readUntil(bootstrap(), GatewayEvents.USAGE_TOPIC, r -> r.value().contains(id),
                Duration.ofSeconds(30));
        JsonNode usage = JSON.readTree(records.get(records.size() - 1).value());
        assertThat(records.get(records.size() - 1).key()).isEqualTo("org_t");
        assertThat(usage.path("generation_id").asText()).isEqualTo(id);
        assertThat(usage.path("cost").decimalValue()).isEqualByComparingTo(expected);
        assertThat(usage.path("provider").asText()).isEqualTo(answer.path("provider").asText());
    }

    @Test
    void fallsBackWhenTheFirstProviderFails() throws Exception {
        control("PUT", "sim-flaky", "{\"status\":503}");
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/chat/completions")
                .then().statusCode(200).body("provider", equalTo("openai"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "first provider answers {0}: the next one serves")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"status\":429}", "{\"status\":500}",
            "{\"status\":408}", "{\"hang\":true}"})
    void failoverMatrix(String failure) throws Exception {
        control("PUT", "sim-flaky", failure);
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/chat/completions")
                .then().statusCode(200).body("provider", equalTo("openai"));
    }

    @Test
    void everyProviderFailingIs502NamingTheAttempts() throws Exception {
        control("PUT", "sim-flaky", "{\"status\":503}");
        control("PUT", "openai", "{\"status\":502}");
        try {
            given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                    .contentType(ContentType.JSON).body(BODY)
                    .post("/api/v1/chat/completions")
                    .then().statusCode(502).body("error.code", equalTo(502))
                    .body("error.metadata.attempts.provider", org.hamcrest.Matchers.contains("sim-flaky", "openai"));
        } finally {
            control("DELETE", "openai", null);
        }
    }

    @Test
    void aClientErrorFromTheProviderIsNotRetried() throws Exception {
        control("PUT", "sim-flaky", "{\"status\":400}");
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/chat/completions")
                .then().statusCode(400).body("error.metadata.provider_name", equalTo("sim-flaky"));
    }

    @Test
    void missingKeyIs401InTheErrorShape() {
        given().contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/chat/completions")
                .then().statusCode(401).body("error.code", equalTo(401));
    }

    @Test
    void wrongKeyIs401() {
        given().header("Authorization", "Bearer sk-at-v1-wrong").contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/chat/completions")
                .then().statusCode(401).body("error.message", equalTo("Invalid API key"));
    }

    @Test
    void deniedModelIs403WithTheGuardrailsMessage() {
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY).contentType(ContentType.JSON)
                .body(Map.of("model", "anthropic/claude-3.5-haiku",
                        "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/api/v1/chat/completions")
                .then().statusCode(403).body("error.code", equalTo(403))
                .body("error.message", startsWith("Model anthropic/claude-3.5-haiku is not allowed"));
    }

    @Test
    void malformedRequestsAre400NamingTheField() {
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY).contentType(ContentType.JSON)
                .body(Map.of("model", "openai/gpt-4o-mini"))
                .post("/api/v1/chat/completions")
                .then().statusCode(400).body("error.metadata.field", equalTo("messages"));
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY).contentType(ContentType.JSON)
                .body(Map.of("model", "openai/gpt-4o-mini", "max_tokens", -3,
                        "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/api/v1/chat/completions")
                .then().statusCode(400).body("error.metadata.field", equalTo("max_tokens"));
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY).contentType(ContentType.JSON)
                .body("{not json")
                .post("/api/v1/chat/completions")
                .then().statusCode(400).body("error.code", equalTo(400));
    }

    @Test
    void streamsChunksThenAPricedUsageChunkThenDone() throws Exception {
        control("PUT", "sim-flaky", "{\"status\":503}");
        String sse = given().header("Authorization", "Bearer " + FakeInternalServices.KEY).contentType(ContentType.JSON)
                .body(Map.of("model", "openai/gpt-4o-mini", "stream", true,
                        "messages", List.of(Map.of("role", "user", "content", "Stream to me please"))))
                .post("/api/v1/chat/completions")
                .then().statusCode(200).header("Content-Type", startsWith("text/event-stream"))
                .extract().asString();
        assertThat(sse).startsWith(": ATRIUM PROCESSING").endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = new java.util.ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: {")) {
                chunks.add(JSON.readTree(line.substring(6)));
            }
        }
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text.toString()).startsWith("Simulated answer from openai");
        String id = chunks.get(0).path("id").asText();
        assertThat(id).startsWith("gen-");
        assertThat(chunks).allSatisfy(c -> assertThat(c.path("id").asText()).isEqualTo(id));
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        assertThat(usage.path("cost").decimalValue()).isEqualByComparingTo(
                FakeInternalServices.PRICE.cost(usage.path("prompt_tokens").asLong(),
                        usage.path("completion_tokens").asLong()));

        var records = KafkaRecords.readUntil(bootstrap(), GatewayEvents.USAGE_TOPIC, r -> r.value().contains(id),
                Duration.ofSeconds(30));
        JsonNode recorded = JSON.readTree(records.get(records.size() - 1).value());
        assertThat(recorded.path("stream").asBoolean()).isTrue();
        assertThat(recorded.path("cost").decimalValue()).isEqualByComparingTo(usage.path("cost").decimalValue());
    }

    @Test
    void aStreamCutByTheProviderEndsWithAnErrorChunk() throws Exception {
        control("PUT", "sim-flaky", "{\"drop_after_chunks\":3}");
        String sse = given().header("Authorization", "Bearer " + FakeInternalServices.KEY).contentType(ContentType.JSON)
                .body(Map.of("model", "openai/gpt-4o-mini", "stream", true,
                        "messages", List.of(Map.of("role", "user", "content", "Stream to me please"))))
                .post("/api/v1/chat/completions")
                .then().statusCode(200).extract().asString();
        assertThat(sse).contains("\"finish_reason\":\"error\"").contains("\"error\":{\"code\":502")
                .endsWith("data: [DONE]\n\n");
    }

    @Test
    void everyAnswerCarriesARequestIdAndOversizedBodiesAre413() {
        given().header("X-Request-Id", "req-test-1").contentType(ContentType.JSON).body(BODY)
                .post("/api/v1/chat/completions")
                .then().statusCode(401).header("X-Request-Id", equalTo("req-test-1"));
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY).contentType(ContentType.JSON)
                .body("{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
                        + "x".repeat(100_000) + "\"}]}")
                .post("/api/v1/chat/completions")
                .then().statusCode(413).body("error.code", equalTo(413))
                .header("X-Request-Id", startsWith("req-"));
    }

    private static void control(String method, String provider, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(FakeInternalServices.SIMULATOR.baseUrl() + "/sim/providers/" + provider));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
