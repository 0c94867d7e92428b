package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK against the gateway, with only the base URL and the key changed. */
class OpenAiSdkTest {

    private static Ports ports;
    private static String apiKey;
    private static OpenAIClient client;

    @BeforeAll
    static void tenant() {
        ports = SharedStack.ports();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Tenants.Tenant tenant = Tenants.create(admin, "sdk");
        String org = tenant.organizationId();
        apiKey = tenant.apiKey();
        given().header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                .body(Map.of("allowed_models", List.of("openai/*")))
                .put(SharedStack.url(ports.guardrail(), "/api/v1/organizations/" + org + "/guardrails"))
                .then().statusCode(200);
        client = sdk(apiKey);
    }

    @Test
    void nonStreamingCompletionThroughTheSdk() throws Exception {
        ChatCompletion completion = client.chat().completions().create(params("openai/gpt-4o-mini"));

        assertThat(completion.id()).startsWith("gen-");
        assertThat(completion.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(completion.choices().get(0).message().content()).hasValueSatisfying(
                text -> assertThat(text).startsWith("Simulated answer from"));
        assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isPositive());
        assertThat(completion._additionalProperties()).containsKey("provider");

        // The same generation, read back through the gateway with the same key once billing has it.
        Response generation = awaitGeneration(completion.id());
        BigDecimal cost = new BigDecimal(completion.usage().get()._additionalProperties().get("cost").toString()
                .replace("\"", ""));
        assertThat(new BigDecimal(generation.jsonPath().getString("data.total_cost"))).isEqualByComparingTo(cost);
    }

    @Test
    void streamingCompletionThroughTheSdk() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions()
                .createStreaming(params("openai/gpt-4o-mini"))) {
            stream.stream().forEach(chunks::add);
        }
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
        assertThat(text.toString()).startsWith("Simulated answer from");
        assertThat(chunks.get(chunks.size() - 1).usage()).hasValueSatisfying(
                u -> assertThat(u.totalTokens()).isPositive());
        assertThat(chunks).allSatisfy(c -> assertThat(c.id()).isEqualTo(chunks.get(0).id()));
    }

    @Test
    void sdkSeesTheErrorStatuses() {
        assertThatThrownBy(() -> sdk("sk-at-v1-" + "x".repeat(46)).chat().completions()
                .create(params("openai/gpt-4o-mini"))).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> client.chat().completions().create(params("anthropic/claude-3.5-haiku")))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("not allowed");
    }

    private static OpenAIClient sdk(String key) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(SharedStack.url(ports.gateway(), "/api/v1"))
                .apiKey(key)
                .maxRetries(0)
                .build();
    }

    private static ChatCompletionCreateParams params(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hello from the OpenAI SDK").build();
    }

    private static Response awaitGeneration(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Response response = given().header("Authorization", "Bearer " + apiKey).queryParam("id", id)
                    .get(SharedStack.url(ports.gateway(), "/api/v1/generation"));
            if (response.statusCode() == 200) {
                return response;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("generation " + id + " never reached billing");
    }
}
