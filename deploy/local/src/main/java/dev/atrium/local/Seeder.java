package dev.atrium.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first {@code up} only: organization {@code demo}, workspace {@code default}, one API key and
 * $100 of credits, through the same REST calls an admin would make; then {@code demo.env}.
 */
public final class Seeder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Seeder() {
    }

    public record Demo(String organizationId, String workspaceId, String keyId, String apiKey) {
    }

    /** Seeds once; later calls read what the first one wrote. */
    public static Demo seedOnce(Stack stack) throws IOException {
        Path record = stack.home().resolve("seed.json");
        if (Files.exists(record)) {
            return JSON.readValue(record.toFile(), Demo.class);
        }
        Ports p = stack.ports();
        AdminClient admin = AdminClient.login(stack.keycloakUrl());
        JsonNode org = admin.post(p.url(p.workspace()) + "/api/v1/organizations",
                Map.of("name", "Demo", "slug", "demo"), Map.of(), 201);
        String orgId = org.path("id").asText();
        JsonNode ws = admin.post(p.url(p.workspace()) + "/api/v1/organizations/" + orgId + "/workspaces",
                Map.of("name", "Default", "slug", "default", "default_text_model", "openai/gpt-4o-mini"), Map.of(), 201);
        String wsId = ws.path("id").asText();
        JsonNode key = admin.post(p.url(p.workspace()) + "/api/v1/workspaces/" + wsId + "/keys",
                Map.of("name", "demo"), Map.of(), 201);
        admin.post(p.url(p.billing()) + "/api/v1/organizations/" + orgId + "/credits",
                Map.of("amount", 100, "currency", "USD", "kind", "grant", "note", "Demo credits"),
                Map.of("Idempotency-Key", "seed-" + orgId), 201);
        Demo demo = new Demo(orgId, wsId, key.path("id").asText(), key.path("key").asText());
        awaitCredits(p, demo.apiKey());
        JSON.writerWithDefaultPrettyPrinter().writeValue(record.toFile(), demo);
        writeDemoEnv(stack, demo);
        return demo;
    }

    /**
     * Credits fail closed: guardrail refuses the demo key until billing's balance event has reached it. Asks the
     * gateway's explain (a dry run: it counts and holds nothing) until the demo model is admitted, so the key
     * printed after {@code up} works at once.
     */
    static void awaitCredits(Ports p, String apiKey) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest explain = HttpRequest.newBuilder(URI.create(p.url(p.gateway()) + "/api/v1/explain"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":16,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = http.send(explain, HttpResponse.BodyHandlers.ofString());
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 200
                        && JSON.readTree(answer.body()).path("data").path("guardrail").path("allowed").asBoolean()) {
                    return;
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the demo credits", e);
            }
        }
        throw new IOException("guardrail did not admit the demo key within 60 s (its credits may not have arrived): "
                + last);
    }

    public static void writeDemoEnv(Stack stack, Demo demo) throws IOException {
        Ports p = stack.ports();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ATRIUM_GATEWAY_URL", p.url(p.gateway()));
        env.put("ATRIUM_OPENAI_BASE_URL", p.url(p.gateway()) + "/api/v1");
        env.put("ATRIUM_API_KEY", demo.apiKey());
        env.put("ATRIUM_ORG_ID", demo.organizationId());
        env.put("ATRIUM_WORKSPACE_ID", demo.workspaceId());
        env.put("ATRIUM_KEYCLOAK_URL", stack.keycloakUrl());
        env.put("ATRIUM_KEYCLOAK_REALM", KeycloakServer.REALM);
        env.put("ATRIUM_ADMIN_CLIENT_ID", AdminClient.CLIENT_ID);
        env.put("ATRIUM_ADMIN_USERNAME", AdminClient.USERNAME);
        env.put("ATRIUM_ADMIN_PASSWORD", AdminClient.PASSWORD);
        env.put("ATRIUM_WORKSPACE_URL", p.url(p.workspace()));
        env.put("ATRIUM_GUARDRAIL_URL", p.url(p.guardrail()));
        env.put("ATRIUM_ROUTING_URL", p.url(p.routing()));
        env.put("ATRIUM_BILLING_URL", p.url(p.billing()));
        env.put("ATRIUM_SIMULATOR_URL", p.url(p.simulator()));
        env.put("ATRIUM_CONSOLE_URL", p.url(p.console()));
        List<String> lines = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        Files.write(stack.home().resolve("demo.env"), lines);
    }
}
