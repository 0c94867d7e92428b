package dev.atrium.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnthropicMessagesTest {

    private static final String[] AUTH = {"x-api-key", "sk-ant-test", "anthropic-version", "2023-06-01"};

    private static ProviderSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = ProviderSimulator.start("127.0.0.1", 0);
        client = new SimulatorClient(simulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void answersAMessageWithTextBlockStopReasonAndUsage() {
        // "Be brief." (9) + "Name three colours" (18) = 27 characters -> ceil(27 / 4) = 7
        HttpResponse<String> response = client.post("/p/anthropic/v1/messages", """
                {"model":"claude-sonnet-4-5","max_tokens":100,"system":[{"type":"text","text":"Be brief."}],
                 "messages":[{"role":"user","content":[{"type":"text","text":"Name three colours"}]}]}""", AUTH);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = SimulatorClient.json(response);
        assertThat(body.get("id").asText()).startsWith("msg_");
        assertThat(body.get("type").asText()).isEqualTo("message");
        assertThat(body.get("role").asText()).isEqualTo("assistant");
        assertThat(body.get("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(body.at("/content/0/text").asText())
                .startsWith("Simulated answer from anthropic to: Name three colours");
        assertThat(body.get("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(body.get("stop_sequence").isNull()).isTrue();
        assertThat(body.at("/usage/input_tokens").asInt()).isEqualTo(7);
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(ProviderBehaviour.DEFAULT_COMPLETION_TOKENS);
    }

    @Test
    void stopsAtMaxTokensWithStopReasonMaxTokens() {
        JsonNode body = SimulatorClient.json(client.post("/p/anthropic/v1/messages", """
                {"model":"claude","max_tokens":3,"system":"You are terse.",
                 "messages":[{"role":"user","content":"Hi"}]}""", AUTH));

        assertThat(body.at("/content/0/text").asText()).isEqualTo("Simulated answer from");
        assertThat(body.get("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void offeredToolsTheModelCallsOneThenAnswersItsResult() {
        String tools = """
                "tools":[{"name":"get_weather","input_schema":{"type":"object",
                          "properties":{"city":{"type":"string"},"days":{"type":"integer"}}}}]""";
        JsonNode call = SimulatorClient.json(client.post("/p/anthropic/v1/messages", """
                {"model":"claude","max_tokens":50,%s,
                 "messages":[{"role":"user","content":"Weather in Paris?"}]}""".formatted(tools), AUTH));

        assertThat(call.get("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(call.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(call.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(call.at("/content/0/input").toString()).isEqualTo("{\"city\":\"simulated\"}");

        String id = call.at("/content/0/id").asText();
        JsonNode answer = SimulatorClient.json(client.post("/p/anthropic/v1/messages", """
                {"model":"claude","max_tokens":50,%s,
                 "messages":[{"role":"user","content":"Weather in Paris?"},
                             {"role":"assistant","content":[{"type":"tool_use","id":"%s","name":"get_weather","input":{}}]},
                             {"role":"user","content":[{"type":"tool_result","tool_use_id":"%s","content":"18 C"}]}]}"""
                .formatted(tools, id, id), AUTH));

        assertThat(answer.get("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(answer.at("/content/0/type").asText()).isEqualTo("text");
    }

    @Test
    void refusesAnEmptyTurnAndAToolResultWithoutItsToolUse() {
        HttpResponse<String> empty = client.post("/p/anthropic/v1/messages", """
                {"model":"claude","max_tokens":50,"messages":[{"role":"user","content":"Hi"},
                 {"role":"assistant","content":""},{"role":"user","content":"Well?"}]}""", AUTH);
        HttpResponse<String> orphan = client.post("/p/anthropic/v1/messages", """
                {"model":"claude","max_tokens":50,"messages":[{"role":"user",
                 "content":[{"type":"tool_result","tool_use_id":"toolu_x","content":"18 C"}]}]}""", AUTH);

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(empty).at("/error/message").asText()).contains("non-empty content");
        assertThat(orphan.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(orphan).at("/error/message").asText()).contains("toolu_x");
    }

    @Test
    void streamsAToolCallAsInputJsonDeltas() {
        SimulatorClient.StreamedLines stream = client.postStream("/p/anthropic/v1/messages", """
                {"model":"claude","max_tokens":50,"stream":true,
                 "tools":[{"name":"lookup","input_schema":{"type":"object","properties":{"q":{"type":"string"}}}}],
                 "messages":[{"role":"user","content":"Find it"}]}""", AUTH);

        List<JsonNode> data = stream.data().stream().map(SimulatorClient::json).toList();
        assertThat(data.get(1).at("/content_block/type").asText()).isEqualTo("tool_use");
        assertThat(data.get(1).at("/content_block/name").asText()).isEqualTo("lookup");
        String input = data.stream().filter(e -> "input_json_delta".equals(e.at("/delta/type").asText()))
                .map(e -> e.at("/delta/partial_json").asText()).reduce("", String::concat);
        assertThat(input).isEqualTo("{\"q\":\"simulated\"}");
        assertThat(data).filteredOn(e -> "message_delta".equals(e.get("type").asText()))
                .extracting(e -> e.at("/delta/stop_reason").asText()).containsExactly("tool_use");
    }

    @Test
    void streamsTheMessagesEventSequence() {
        SimulatorClient.StreamedLines stream = client.postStream("/p/anthropic/v1/messages", """
                {"model":"claude","max_tokens":4,"stream":true,"messages":[{"role":"user","content":"Hi there"}]}""",
                AUTH);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.events()).containsExactly("message_start", "content_block_start", "ping",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        List<JsonNode> data = stream.data().stream().map(SimulatorClient::json).toList();
        assertThat(data).allSatisfy(event -> assertThat(event.get("type").asText()).isNotEmpty());
        assertThat(data.get(0).at("/message/model").asText()).isEqualTo("claude");
        assertThat(data.get(0).at("/message/usage/input_tokens").asInt()).isEqualTo(2);
        assertThat(data.get(0).at("/message/usage/output_tokens").asInt()).isEqualTo(1);
        String text = data.subList(3, 7).stream().map(event -> event.at("/delta/text").asText())
                .reduce("", String::concat);
        assertThat(text).isEqualTo("Simulated answer from anthropic");
        assertThat(data.get(3).at("/delta/type").asText()).isEqualTo("text_delta");
        assertThat(data.get(8).at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(data.get(8).at("/usage/output_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void refusesARequestWithoutAnApiKey() {
        HttpResponse<String> response = client.post("/p/anthropic/v1/messages",
                "{\"model\":\"claude\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "anthropic-version", "2023-06-01");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = SimulatorClient.json(response);
        assertThat(body.get("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("authentication_error");
    }

    @Test
    void acceptsTheApiKeyAsABearerTokenAsTheCurrentSdksSendIt() {
        HttpResponse<String> response = client.post("/p/anthropic/v1/messages",
                "{\"model\":\"claude\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "Authorization", "Bearer sk-ant-bearer");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void requiresMaxTokens() {
        HttpResponse<String> response = client.post("/p/anthropic/v1/messages",
                "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", AUTH);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(SimulatorClient.json(response).at("/error/message").asText()).contains("max_tokens");
    }
}
