package dev.atrium.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLogTest {

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

    @BeforeEach
    void clearLog() {
        assertThat(client.delete("/sim/requests").statusCode()).isEqualTo(204);
    }

    @Test
    void recordsModelStreamMaxTokensAndTheCredentialsSha256() throws Exception {
        Instant before = Instant.now();
        client.post("/p/byok-openai/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "Authorization", "Bearer sk-workspace-own-key");

        JsonNode entry = SimulatorClient.json(client.get("/sim/requests?provider=byok-openai")).get("data").get(0);

        assertThat(entry.get("provider").asText()).isEqualTo("byok-openai");
        assertThat(entry.get("protocol").asText()).isEqualTo("openai");
        assertThat(entry.get("model").asText()).isEqualTo("gpt-4o");
        assertThat(entry.get("stream").asBoolean()).isFalse();
        assertThat(entry.get("max_tokens").asInt()).isEqualTo(9);
        assertThat(entry.get("credential_sha256").asText()).isEqualTo(sha256("sk-workspace-own-key"));
        assertThat(Instant.parse(entry.get("received_at").asText())).isAfterOrEqualTo(before.minusSeconds(1));
    }

    @Test
    void recordsAnthropicRequestsByTheirApiKey() throws Exception {
        client.post("/p/claude-host/v1/messages",
                """
                {"model":"claude","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"Hi"}]}""",
                "x-api-key", "sk-ant-platform");

        JsonNode entry = SimulatorClient.json(client.get("/sim/requests?provider=claude-host")).get("data").get(0);

        assertThat(entry.get("protocol").asText()).isEqualTo("anthropic");
        assertThat(entry.get("stream").asBoolean()).isTrue();
        assertThat(entry.get("credential_sha256").asText()).isEqualTo(sha256("sk-ant-platform"));
    }

    @Test
    void filtersByProviderAndListsAllInArrivalOrderWithout() {
        String chat = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        client.post("/p/first/v1/chat/completions", chat.formatted("one"), "Authorization", "Bearer k");
        client.post("/p/second/v1/chat/completions", chat.formatted("two"), "Authorization", "Bearer k");
        client.post("/p/first/v1/chat/completions", chat.formatted("three"), "Authorization", "Bearer k");

        JsonNode first = SimulatorClient.json(client.get("/sim/requests?provider=first")).get("data");
        JsonNode all = SimulatorClient.json(client.get("/sim/requests")).get("data");
        JsonNode unfilled = SimulatorClient.json(client.get("/sim/requests?provider=")).get("data");

        assertThat(first).extracting(entry -> entry.get("model").asText()).containsExactly("one", "three");
        assertThat(all).extracting(entry -> entry.get("model").asText()).containsExactly("one", "two", "three");
        assertThat(unfilled).isEqualTo(all);
    }

    @Test
    void recordsRequestsThatTheProviderIsSetToFail() {
        client.put("/sim/providers/down", "{\"status\":503}");
        client.post("/p/down/v1/chat/completions",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", "Authorization", "Bearer k");

        assertThat(SimulatorClient.json(client.get("/sim/requests?provider=down")).get("data")).hasSize(1);
    }

    @Test
    void keepsNoRecordOfUnauthenticatedRequests() {
        client.post("/p/anon/v1/chat/completions", "{\"model\":\"m\",\"messages\":[]}");

        assertThat(SimulatorClient.json(client.get("/sim/requests?provider=anon")).get("data")).isEmpty();
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
