package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.atrium.local.Ports;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's broadcast through the launched stack: a workspace configures an OTLP collector, a
 * webhook in privacy mode and a webhook sampling nothing on workspace-service; one generation
 * reaches the first two, as the workspace asked, and never the third.
 */
class BroadcastSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "Broadcast me, said the system test";

    record Delivery(String path, Map<String, String> headers, JsonNode body) {
    }

    private static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;
    private static Ports ports;
    private static String token;
    private static String workspace;
    private static String apiKey;

    @BeforeAll
    static void workspaceWithThreeDestinations() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), headers,
                    JSON.readTree(exchange.getRequestBody().readAllBytes())));
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/hook-down") ? 503 : 200, -1);
            exchange.close();
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();

        ports = SharedStack.ports();
        token = SharedStack.adminToken();
        String slug = "broadcast-" + UUID.randomUUID().toString().substring(0, 8);
        String org = admin().body(Map.of("name", "Broadcast", "slug", slug))
                .post(url(ports.workspace(), "/api/v1/organizations")).then().statusCode(201).extract().path("id");
        workspace = admin().body(Map.of("name", "Prod", "slug", "prod"))
                .post(url(ports.workspace(), "/api/v1/organizations/" + org + "/workspaces"))
                .then().statusCode(201).extract().path("id");
        admin().header("Idempotency-Key", "broadcast-" + org)
                .body(Map.of("amount", 10, "currency", "USD", "kind", "top_up", "note", "broadcast test"))
                .post(url(ports.billing(), "/api/v1/organizations/" + org + "/credits")).then().statusCode(201);
        Tenants.awaitGuardrailCredits(org, workspace);
        admin().body(Map.of("destinations", List.of(
                        Map.of("type", "otlp", "endpoint", base + "/collector",
                                "headers", Map.of("Authorization", "Bearer collector-secret"),
                                "sampling_rate", 1.0, "privacy_mode", false),
                        Map.of("type", "webhook", "endpoint", base + "/hook-private",
                                "headers", Map.of("X-Hook-Secret", "hook-secret"),
                                "sampling_rate", 1.0, "privacy_mode", true),
                        Map.of("type", "webhook", "endpoint", base + "/hook-never", "headers", Map.of(),
                                "sampling_rate", 0.0, "privacy_mode", false),
                        Map.of("type", "webhook", "endpoint", base + "/hook-down", "headers", Map.of(),
                                "sampling_rate", 1.0, "privacy_mode", true))))
                .put(url(ports.workspace(), "/api/v1/workspaces/" + workspace + "/observability"))
                .then().statusCode(200);
        apiKey = admin().body(Map.of("name", "broadcast"))
                .post(url(ports.workspace(), "/api/v1/workspaces/" + workspace + "/keys"))
                .then().statusCode(201).extract().path("key");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void oneGenerationReachesEachSamplingDestinationAsItAsked() throws Exception {
        String generationId = given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON)
                .body(Map.of("model", "openai/gpt-4o-mini",
                        "messages", List.of(Map.of("role", "user", "content", PROMPT))))
                .post(url(ports.gateway(), "/api/v1/chat/completions"))
                .then().statusCode(200).extract().path("id");

        Delivery span = await("/collector/v1/traces");
        assertThat(span.headers()).containsEntry("authorization", "Bearer collector-secret");
        JsonNode otlp = span.body().path("resourceSpans").path(0).path("scopeSpans").path(0).path("spans").path(0);
        Map<String, String> attributes = new HashMap<>();
        otlp.path("attributes").forEach(a -> attributes.put(a.path("key").asText(),
                a.path("value").path("stringValue").asText(a.path("value").path("intValue").asText())));
        assertThat(attributes).containsEntry("gen_ai.response.id", generationId)
                .containsEntry("atrium.workspace_id", workspace)
                .containsEntry("gen_ai.prompt", PROMPT);
        assertThat(attributes.get("gen_ai.completion")).isNotBlank();
        assertThat(Long.parseLong(attributes.get("gen_ai.usage.output_tokens"))).isPositive();

        Delivery hook = await("/hook-private");
        assertThat(hook.headers()).containsEntry("x-hook-secret", "hook-secret");
        assertThat(hook.body().path("generation_id").asText()).isEqualTo(generationId);
        assertThat(hook.body().path("privacy_mode").asBoolean()).isTrue();
        assertThat(hook.body().has("prompt")).isFalse();
        assertThat(hook.body().has("completion")).isFalse();
        assertThat(hook.body().toString()).doesNotContain(PROMPT);

        Thread.sleep(1_000);
        assertThat(deliveries).extracting(Delivery::path).doesNotContain("/hook-never")
                .containsOnlyOnce("/collector/v1/traces", "/hook-private");

        // The gateway reports each destination's outcome; the workspace's admins see the failing one.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        io.restassured.path.json.JsonPath settings;
        do {
            Thread.sleep(200);
            settings = admin().get(url(ports.workspace(), "/api/v1/workspaces/" + workspace + "/observability"))
                    .then().statusCode(200).extract().jsonPath();
        } while (System.nanoTime() < deadline && (settings.get("destinations[3].last_error") == null
                || settings.get("destinations[0].last_success_at") == null));
        assertThat(settings.getString("destinations[3].last_error")).isEqualTo("HTTP 503");
        assertThat(settings.getString("destinations[3].last_error_at")).isNotBlank();
        assertThat(settings.getString("destinations[3].last_success_at")).isNull();
        assertThat(settings.getString("destinations[0].last_success_at")).isNotBlank();
        assertThat(settings.getString("destinations[0].last_error")).isNull();
        assertThat(settings.getString("destinations[2].last_success_at")).isNull();
    }

    private static Delivery await(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (Delivery d : deliveries) {
                if (d.path().equals(path)) {
                    return d;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing reached " + path + "; received " + deliveries);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String url(int port, String path) {
        return SharedStack.url(port, path);
    }
}
