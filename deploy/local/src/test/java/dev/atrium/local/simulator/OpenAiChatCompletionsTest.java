package dev.atrium.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenAiChatCompletionsTest {

    private static final String[] AUTH = {"Authorization", "Bearer sk-test-1", "Content-Type", "application/json"};

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
    void answersInTheChatCompletionShapeEchoingTheModel() {
        HttpResponse<String> response = client.post("/p/acme/v1/chat/completions", """
                {"model":"gpt-4o-mini","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":"What is the capital of France and why"}]}""", AUTH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = SimulatorClient.json(response);
        assertThat(body.get("id").asText()).startsWith("chatcmpl-");
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("created").asLong()).isPositive();
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asText()).isEqualTo(
                "Simulated answer from acme to: What is the capital of France and why lorem ipsum dolor");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void countsPromptTokensFromMessageCharactersAndCompletionTokensFromWords() {
        // "Be brief." (9) + "What is the capital of France and why" (37) = 46 characters -> ceil(46 / 4) = 12
        JsonNode usage = SimulatorClient.json(client.post("/p/acme/v1/chat/completions", """
                {"model":"gpt-4o-mini","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":"What is the capital of France and why"}]}""", AUTH)).get("usage");

        assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(12);
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(ProviderBehaviour.DEFAULT_COMPLETION_TOKENS);
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(12 + ProviderBehaviour.DEFAULT_COMPLETION_TOKENS);
    }

    @Test
    void answersTheSameTextAndTokensToTheSameRequest() {
        String request = """
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"same question"}]}]}""";

        JsonNode first = SimulatorClient.json(client.post("/p/acme/v1/chat/completions", request, AUTH));
        JsonNode second = SimulatorClient.json(client.post("/p/acme/v1/chat/completions", request, AUTH));

        assertThat(second.get("choices")).isEqualTo(first.get("choices"));
        assertThat(second.get("usage")).isEqualTo(first.get("usage"));
        assertThat(first.get("usage").get("prompt_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void neverWritesMoreThanMaxTokensAndThenReportsLength() {
        JsonNode body = SimulatorClient.json(client.post("/p/acme/v1/chat/completions", """
                {"model":"m","max_tokens":4,"messages":[{"role":"user","content":"Hello"}]}""", AUTH));

        assertThat(body.get("choices").get(0).get("message").get("content").asText())
                .isEqualTo("Simulated answer from acme");
        assertThat(body.get("choices").get(0).get("finish_reason").asText()).isEqualTo("length");
        assertThat(body.get("usage").get("completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void honoursMaxCompletionTokensLikeMaxTokens() {
        JsonNode body = SimulatorClient.json(client.post("/p/acme/v1/chat/completions", """
                {"model":"m","max_completion_tokens":2,"messages":[{"role":"user","content":"Hello"}]}""", AUTH));

        assertThat(body.get("usage").get("completion_tokens").asInt()).isEqualTo(2);
        assertThat(body.get("choices").get(0).get("finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void streamsRoleThenOneChunkPerWordThenFinishThenUsageThenDone() {
        SimulatorClient.StreamedLines stream = client.postStream("/p/acme/v1/chat/completions", """
                {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"max_tokens":6,
                 "messages":[{"role":"user","content":"Tell me a story"}]}""", AUTH);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        List<String> data = stream.data();
        assertThat(data).hasSize(1 + 6 + 1 + 1 + 1);
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(SimulatorClient::json).toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(chunk.get("id").asText()).isEqualTo(chunks.get(0).get("id").asText());
        });
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        String text = chunks.subList(1, 7).stream()
                .map(chunk -> chunk.at("/choices/0/delta/content").asText())
                .reduce("", String::concat);
        assertThat(text).isEqualTo("Simulated answer from acme to: Tell");
        assertThat(chunks.get(7).at("/choices/0/finish_reason").asText()).isEqualTo("length");
        JsonNode usageChunk = chunks.get(8);
        assertThat(usageChunk.get("choices")).isEmpty();
        assertThat(usageChunk.at("/usage/prompt_tokens").asInt()).isEqualTo(4);
        assertThat(usageChunk.at("/usage/completion_tokens").asInt()).isEqualTo(6);
        assertThat(usageChunk.at("/usage/total_tokens").asInt()).isEqualTo(10);
    }

    @Test
    void streamsWithoutAUsageChunkUnlessAskedFor() {
        List<String> data = client.postStream("/p/acme/v1/chat/completions", """
                {"model":"m","stream":true,"max_tokens":2,"messages":[{"role":"user","content":"Hi"}]}""", AUTH)
                .data();

        assertThat(data).hasSize(1 + 2 + 1 + 1);
        assertThat(data).noneMatch(line -> line.contains("\"usage\""));
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
    }

    @Test
    void refusesARequestWithoutABearerCredential() {
        HttpResponse<String> response = client.post("/p/acme/v1/chat/completions",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = SimulatorClient.json(response).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_api_key");
        assertThat(error.get("message").asText()).contains("API key");
    }

    @Test
    void refusesMalformedJsonAndMissingFieldsWith400() {
        HttpResponse<String> malformed = client.post("/p/acme/v1/chat/completions", "{not json", AUTH);
        HttpResponse<String> noModel = client.post("/p/acme/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", AUTH);
        HttpResponse<String> noMessages = client.post("/p/acme/v1/chat/completions", "{\"model\":\"m\"}", AUTH);

        assertThat(List.of(malformed.statusCode(), noModel.statusCode(), noMessages.statusCode()))
                .containsOnly(400);
        assertThat(SimulatorClient.json(noModel).at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(SimulatorClient.json(noMessages).at("/error/message").asText()).contains("messages");
    }

    @Test
    void answersOnlyPostOnTheCompletionPath() {
        HttpResponse<String> response = client.get("/p/acme/v1/chat/completions");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }
}
