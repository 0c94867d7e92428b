package dev.atrium.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each test uses its own provider name, so that their settings never meet. */
class ProviderControlTest {

    private static final String[] OPENAI_AUTH = {"Authorization", "Bearer sk-control"};
    private static final String[] ANTHROPIC_AUTH = {"x-api-key", "sk-ant-control"};
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String STREAMED_CHAT =
            "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String MESSAGE =
            "{\"model\":\"c\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

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
    void forcedStatus429AnswersInEachProtocolsShapeWithRetryAfter() {
        client.put("/sim/providers/limited", "{\"status\":429}");

        HttpResponse<String> openAi = client.post("/p/limited/v1/chat/completions", CHAT, OPENAI_AUTH);
        HttpResponse<String> anthropic = client.post("/p/limited/v1/messages", MESSAGE, ANTHROPIC_AUTH);

        assertThat(openAi.statusCode()).isEqualTo(429);
        assertThat(openAi.headers().firstValue("Retry-After")).contains("1");
        assertThat(SimulatorClient.json(openAi).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(anthropic.statusCode()).isEqualTo(429);
        assertThat(anthropic.headers().firstValue("Retry-After")).contains("1");
        assertThat(SimulatorClient.json(anthropic).at("/error/type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void forcedStatus500AnswersAServerError() {
        client.put("/sim/providers/broken", "{\"status\":500}");

        HttpResponse<String> openAi = client.post("/p/broken/v1/chat/completions", STREAMED_CHAT, OPENAI_AUTH);
        HttpResponse<String> anthropic = client.post("/p/broken/v1/messages", MESSAGE, ANTHROPIC_AUTH);

        assertThat(openAi.statusCode()).isEqualTo(500);
        assertThat(SimulatorClient.json(openAi).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(anthropic.statusCode()).isEqualTo(500);
        assertThat(SimulatorClient.json(anthropic).at("/error/type").asText()).isEqualTo("api_error");
    }

    @Test
    void errorRateOneFailsEveryRequest() {
        client.put("/sim/providers/flaky", "{\"error_rate\":1.0}");

        assertThat(IntStream.range(0, 10)
                .map(i -> client.post("/p/flaky/v1/chat/completions", CHAT, OPENAI_AUTH).statusCode()))
                .containsOnly(500);
    }

    @Test
    void resetRestoresDefaultsAndAnswersAgain() {
        client.put("/sim/providers/recovering", "{\"status\":503,\"latency_ms\":5}");

        HttpResponse<String> reset = client.delete("/sim/providers/recovering");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(reset).get("status").isNull()).isTrue();
        assertThat(client.post("/p/recovering/v1/chat/completions", CHAT, OPENAI_AUTH).statusCode()).isEqualTo(200);
    }

    @Test
    void returnsTheSettingsInForceWithDefaultsForOmittedFields() {
        client.put("/sim/providers/configured", "{\"latency_ms\":25,\"completion_tokens\":3,\"drop_after_chunks\":7}");

        JsonNode settings = SimulatorClient.json(client.get("/sim/providers/configured"));

        assertThat(settings.get("latency_ms").asLong()).isEqualTo(25);
        assertThat(settings.get("completion_tokens").asInt()).isEqualTo(3);
        assertThat(settings.get("drop_after_chunks").asInt()).isEqualTo(7);
        assertThat(settings.get("error_rate").asDouble()).isZero();
        assertThat(settings.get("status").isNull()).isTrue();
        assertThat(settings.get("hang").asBoolean()).isFalse();
        assertThat(settings.get("ignore_max_tokens").asBoolean()).isFalse();
    }

    @Test
    void refusesInvalidOrUnknownSettings() {
        HttpResponse<String> outOfRange = client.put("/sim/providers/typo", "{\"error_rate\":1.5}");
        HttpResponse<String> unknown = client.put("/sim/providers/typo", "{\"latency\":100}");

        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(outOfRange).at("/error/message").asText()).contains("error_rate");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(unknown).at("/error/message").asText()).contains("latency");
    }

    @Test
    void completionTokensSetsTheAnswerLength() {
        client.put("/sim/providers/wordy", "{\"completion_tokens\":40}");

        JsonNode body = SimulatorClient.json(client.post("/p/wordy/v1/chat/completions", CHAT, OPENAI_AUTH));

        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(40);
        assertThat(body.at("/choices/0/message/content").asText().split(" ")).hasSize(40);
    }

    @Test
    void dropAfterChunksCutsTheStreamBeforeItsEnd() {
        client.put("/sim/providers/dropping", "{\"drop_after_chunks\":3}");

        SimulatorClient.StreamedLines stream =
                client.postStream("/p/dropping/v1/chat/completions", STREAMED_CHAT, OPENAI_AUTH);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.broken()).isTrue();
        assertThat(stream.data()).hasSize(3).doesNotContain("[DONE]");
    }

    @Test
    void latencyDelaysTheAnswer() {
        client.put("/sim/providers/slow", "{\"latency_ms\":300}");

        long start = System.nanoTime();
        HttpResponse<String> response = client.post("/p/slow/v1/chat/completions", CHAT, OPENAI_AUTH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);
    }

    @Test
    void tokensPerSecondPacesTheStream() {
        client.put("/sim/providers/paced", "{\"tokens_per_second\":50,\"completion_tokens\":10}");

        long start = System.nanoTime();
        SimulatorClient.StreamedLines stream =
                client.postStream("/p/paced/v1/chat/completions", STREAMED_CHAT, OPENAI_AUTH);

        // 10 words at 50 per second take at least 200 ms.
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(200);
        assertThat(stream.data()).endsWith("[DONE]");
    }

    @Test
    void hangHoldsTheRequestUntilTheProviderIsReset() throws Exception {
        client.put("/sim/providers/stuck", "{\"hang\":true}");

        CompletableFuture<HttpResponse<String>> pending =
                client.postAsync("/p/stuck/v1/chat/completions", CHAT, OPENAI_AUTH);

        assertThatThrownBy(() -> pending.get(400, TimeUnit.MILLISECONDS))
                .isInstanceOf(TimeoutException.class);
        client.delete("/sim/providers/stuck");
        assertThat(pending.get(3, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void hangLetsTheClientTimeOut() {
        client.put("/sim/providers/silent", "{\"hang\":true}");

        assertThatThrownBy(() -> client.postAsync("/p/silent/v1/chat/completions", CHAT, OPENAI_AUTH)
                .orTimeout(300, TimeUnit.MILLISECONDS).get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        client.delete("/sim/providers/silent");
    }

    @Test
    void answersHealthUnknownPathsAndWrongMethods() {
        assertThat(SimulatorClient.json(client.get("/health")).get("status").asText()).isEqualTo("UP");
        HttpResponse<String> unknown = client.get("/v1/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(unknown).at("/error/message").asText()).contains("/v1/nothing-here");
        assertThat(client.post("/sim/providers/any", "{}").statusCode()).isEqualTo(405);
    }
}
