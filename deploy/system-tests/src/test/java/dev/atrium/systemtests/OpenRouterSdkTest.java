package dev.atrium.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenRouter's own TypeScript SDK ({@code @openrouter/sdk}, pinned) against the gateway, with only
 * {@code serverURL} and the key changed. The SDK checks every answer against its schemas and throws
 * on a mismatch, so each call passing proves the gateway answers in OpenRouter's published shapes.
 * Needs Node.js 18+ and npm on the PATH (the SDK is installed under {@code target/} by npm once);
 * without them the test is skipped and says why.
 */
class OpenRouterSdkTest {

    static final String SDK_VERSION = "1.3.19";
    static final Path SDK_FOLDER = Path.of("target", "openrouter-sdk").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each SDK call's outcome by its name: {@code ok}, and {@code error} or what the call returned. */
    private static final Map<String, JsonNode> CALLS = new HashMap<>();
    private static Tenants.Tenant tenant;

    @BeforeAll
    static void driveTheSdk() throws Exception {
        String missing = missingNode();
        if (missing != null) {
            System.out.println("OpenRouterSdkTest skipped: " + missing);
            Assumptions.abort(missing);
        }
        installSdk();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        tenant = Tenants.create(admin, "orsdk");
        awaitFirstAnswer(tenant.apiKey());
        CALLS.putAll(runProbe("probe.mjs", 180, SharedStack.url(SharedStack.ports().gateway(), "/api/v1"),
                tenant.apiKey()));
    }

    /**
     * Runs a script of {@code src/test/resources/openrouter-sdk} with node (the SDK's folder, then {@code args});
     * each line it prints as JSON is one call's outcome, by the call's name.
     */
    static Map<String, JsonNode> runProbe(String script, int timeoutSeconds, String... args) throws Exception {
        Path probe = SDK_FOLDER.resolve(script);
        try (InputStream in = OpenRouterSdkTest.class.getResourceAsStream("/openrouter-sdk/" + script)) {
            Files.copy(in, probe, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of("node", probe.toString(), SDK_FOLDER.toString()));
        command.addAll(List.of(args));
        Map<String, JsonNode> calls = new HashMap<>();
        for (String line : run(command, timeoutSeconds)) {
            if (line.startsWith("{")) {
                JsonNode outcome = JSON.readTree(line);
                calls.put(outcome.path("call").asText(), outcome);
                System.out.println("OpenRouter SDK " + line);
            }
        }
        return calls;
    }

    @Test
    void chatSendPassesTheSdksValidation() {
        JsonNode r = passed("chat.send");
        assertThat(r.path("id").asText()).startsWith("gen-");
        assertThat(r.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
        assertThat(r.path("content").asText()).startsWith("Simulated answer from");
        assertThat(r.path("total_tokens").asInt()).isPositive();
    }

    @Test
    void streamingChatSendPassesTheSdksValidation() {
        JsonNode r = passed("chat.send stream");
        assertThat(r.path("content").asText()).startsWith("Simulated answer from");
        assertThat(r.path("chunks").asInt()).isGreaterThan(1);
        assertThat(r.path("total_tokens").asInt()).isPositive();
    }

    @Test
    void chatSendWithToolsPassesTheSdksValidation() {
        JsonNode r = passed("chat.send tools");
        assertThat(r.path("id").asText()).startsWith("gen-");
        assertThat(r.path("finish_reason").isNull()).isFalse();
    }

    @Test
    void modelsListPassesTheSdksValidation() {
        JsonNode r = passed("models.list");
        assertThat(r.path("count").asInt()).isPositive();
        assertThat(r.path("total_count").asInt()).isEqualTo(r.path("count").asInt());
        assertThat(texts(r.path("ids"))).contains("openai/gpt-4o-mini");
    }

    @Test
    void endpointsListPassesTheSdksValidation() {
        JsonNode r = passed("endpoints.list");
        assertThat(r.path("id").asText()).isEqualTo("openai/gpt-4o-mini");
        assertThat(texts(r.path("tags"))).contains("openai", "sim-fast");
    }

    @Test
    void providersListPassesTheSdksValidation() {
        assertThat(texts(passed("providers.list").path("slugs"))).contains("openai", "sim-fast");
    }

    @Test
    void currentKeyMetadataPassesTheSdksValidation() {
        JsonNode r = passed("apiKeys.getCurrentKeyMetadata");
        assertThat(r.path("label").asText()).isEqualTo("orsdk");
        assertThat(r.path("workspace_id").asText()).isEqualTo(tenant.workspaceId());
        // No guardrail restricts the key's regions: OpenRouter's field lists every one (empty would mean none).
        assertThat(texts(r.path("regions"))).containsExactly("global", "europe", "us");
    }

    @Test
    void creditsPassTheSdksValidation() {
        JsonNode r = passed("credits.getCredits");
        // Tenants.create tops the organization up with $10.
        assertThat(r.path("total_credits").decimalValue()).isEqualByComparingTo("10");
        assertThat(r.path("total_usage").decimalValue()).isBetween(java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ONE);
    }

    @Test
    void activityPassesTheSdksValidation() {
        passed("analytics.getUserActivity");
    }

    @Test
    void generationPassesTheSdksValidation() {
        JsonNode r = passed("generations.getGeneration");
        assertThat(r.path("id").asText()).startsWith("gen-");
        assertThat(r.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
        assertThat(r.path("tokens_completion").asInt()).isPositive();
        assertThat(r.path("total_cost").decimalValue()).isPositive();
    }

    /**
     * The services' first answers after a cold start can outlast the gateway's internal timeout on a
     * busy machine: the SDK is judged once the gateway has answered one chat request.
     */
    static void awaitFirstAnswer(String apiKey) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        int status;
        while ((status = io.restassured.RestAssured.given().header("Authorization", "Bearer " + apiKey)
                .contentType("application/json")
                .body(Map.of("model", "openai/gpt-4o-mini", "messages", List.of(Map.of("role", "user",
                        "content", "warm up"))))
                .post(SharedStack.url(SharedStack.ports().gateway(), "/api/v1/chat/completions")).statusCode()) != 200
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(status).as("the gateway's first chat answer").isEqualTo(200);
    }

    private static JsonNode passed(String call) {
        JsonNode outcome = CALLS.get(call);
        assertThat(outcome).as("the SDK's call %s ran", call).isNotNull();
        assertThat(outcome.path("ok").asBoolean()).as("%s: %s", call, outcome.path("error").asText()).isTrue();
        return outcome;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Why the SDK cannot run here, or null when Node.js 18+ and npm are on the PATH. */
    static String missingNode() {
        try {
            List<String> version = run(List.of("node", "--version"), 30);
            int major = Integer.parseInt(version.get(0).strip().replaceFirst("^v(\\d+).*", "$1"));
            if (major < 18) {
                return "@openrouter/sdk needs Node.js 18 or later; found " + version.get(0).strip();
            }
            run(List.of("npm", "--version"), 30);
            return null;
        } catch (Exception e) {
            return "Node.js and npm are needed on the PATH to run @openrouter/sdk (" + e.getMessage() + ")";
        }
    }

    /** npm installs the pinned SDK under target/ once; later runs reuse it. */
    static void installSdk() throws Exception {
        Path installed = SDK_FOLDER.resolve("node_modules/@openrouter/sdk/package.json");
        if (Files.exists(installed) && JSON.readTree(installed.toFile()).path("version").asText().equals(SDK_VERSION)) {
            return;
        }
        Files.createDirectories(SDK_FOLDER);
        Files.writeString(SDK_FOLDER.resolve("package.json"),
                "{\"name\":\"atrium-openrouter-sdk-test\",\"private\":true,\"type\":\"module\"}\n");
        run(List.of("npm", "install", "--no-audit", "--no-fund", "--save-exact", "--prefix", SDK_FOLDER.toString(),
                "@openrouter/sdk@" + SDK_VERSION), 300);
    }

    static List<String> run(List<String> command, int timeoutSeconds) throws IOException,
            InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        reader.join(5000);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + String.join("\n", lines));
        }
        return lines;
    }
}
