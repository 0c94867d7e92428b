package dev.atrium.gateway.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tools round trip through an Anthropic-protocol provider (the simulator, which refuses what the
 * real API refuses: empty turns, tool results without their tool use).
 */
@QuarkusTest
class AnthropicToolsResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, Object>> TOOLS = List.of(Map.of("type", "function", "function", Map.of(
            "name", "get_weather", "description", "Current weather in a city",
            "parameters", Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))))));
    private static final Map<String, Object> QUESTION = Map.of("role", "user", "content", "Weather in Paris?");

    @Test
    void aToolCallComesBackAsToolCallsAndItsResultGetsAnAnswer() throws Exception {
        String first = given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("model", FakeInternalServices.OVER_ANTHROPIC, "tools", TOOLS, "messages", List.of(QUESTION)))
                .post("/api/v1/chat/completions")
                .then().statusCode(200)
                .body("provider", equalTo("sim-anthropic"))
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("choices[0].message.content", nullValue())
                .body("choices[0].message.tool_calls[0].type", equalTo("function"))
                .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"))
                .body("choices[0].message.tool_calls[0].function.arguments", equalTo("{\"city\":\"simulated\"}"))
                .extract().asString();
        JsonNode assistant = JSON.readTree(first).at("/choices/0/message");
        String callId = assistant.at("/tool_calls/0/id").asText();
        assertThat(callId).startsWith("toolu_");

        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("model", FakeInternalServices.OVER_ANTHROPIC, "tools", TOOLS, "messages", List.of(QUESTION,
                        JSON.convertValue(assistant, Map.class),
                        Map.of("role", "tool", "tool_call_id", callId, "content", "18 C, cloudy"))))
                .post("/api/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("choices[0].message.content", startsWith("Simulated answer from sim-anthropic"));
    }

    @Test
    void aStreamedToolCallArrivesAsToolCallDeltas() throws Exception {
        String sse = given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("model", FakeInternalServices.OVER_ANTHROPIC, "stream", true, "tools", TOOLS,
                        "messages", List.of(QUESTION)))
                .post("/api/v1/chat/completions")
                .then().statusCode(200).extract().asString();
        assertThat(sse).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: {")) {
                chunks.add(JSON.readTree(line.substring(6)));
            }
        }
        StringBuilder name = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        List<String> finishReasons = new ArrayList<>();
        for (JsonNode chunk : chunks) {
            JsonNode choice = chunk.path("choices").path(0);
            for (JsonNode call : choice.path("delta").path("tool_calls")) {
                assertThat(call.path("index").asInt()).isZero();
                name.append(call.path("function").path("name").asText(""));
                arguments.append(call.path("function").path("arguments").asText(""));
            }
            if (choice.hasNonNull("finish_reason")) {
                finishReasons.add(choice.get("finish_reason").asText());
            }
        }
        assertThat(name).hasToString("get_weather");
        assertThat(arguments).hasToString("{\"city\":\"simulated\"}");
        assertThat(finishReasons).containsExactly("tool_calls");
    }

    @Test
    void unparseableToolArgumentsAre400NamingTheField() {
        Map<String, Object> call = Map.of("id", "toolu_1", "type", "function",
                "function", Map.of("name", "get_weather", "arguments", "{\"city\": Par"));
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("model", FakeInternalServices.OVER_ANTHROPIC, "tools", TOOLS, "messages", List.of(QUESTION,
                        Map.of("role", "assistant", "tool_calls", List.of(call)),
                        Map.of("role", "tool", "tool_call_id", "toolu_1", "content", "18 C"))))
                .post("/api/v1/chat/completions")
                .then().statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("messages[1].tool_calls[0].function.arguments"));
    }
}
