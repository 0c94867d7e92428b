package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 25's metrics on the management ports of the launched stack: after a few requests, streamed and not,
 * the gateway's token counts, cost and time to first token agree with what the answers said
 * ({@code usage.prompt_tokens}, {@code usage.completion_tokens}, {@code usage.cost}), guardrail counted the
 * checks, and every metric the shipped dashboard and alert rules read (deploy/kubernetes/monitoring/metrics.txt)
 * is exported by the service it is listed under.
 */
class MetricsSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "openai/gpt-4o-mini";
    private static final String MODEL_LABEL = "gen_ai_request_model=\"" + MODEL + "\"";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Ports ports;
    private static Tenants.Tenant tenant;

    @BeforeAll
    static void tenant() {
        ports = SharedStack.ports();
        tenant = Tenants.create(AdminClient.login(SharedStack.get().keycloakUrl()), "metered");
    }

    @Test
    void tokensCostAndTimeToFirstTokenAgreeWithTheAnswers() throws Exception {
        warmUp();
        String before = Metrics.of(ports.gateway());
        String guardrailBefore = Metrics.of(ports.guardrail());
        long prompt = 0;
        long completion = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long streamedMillis = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode usage = JSON.readTree(chat(false, "Count the tokens of answer " + i).then().statusCode(200)
                    .extract().asString()).path("usage");
            prompt += usage.path("prompt_tokens").asLong();
            completion += usage.path("completion_tokens").asLong();
            cost = cost.add(usage.path("cost").decimalValue());
        }
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            JsonNode usage = lastUsage(chat(true, "Stream the tokens of answer " + i));
            streamedMillis += Duration.ofNanos(System.nanoTime() - start).toMillis();
            prompt += usage.path("prompt_tokens").asLong();
            completion += usage.path("completion_tokens").asLong();
            cost = cost.add(usage.path("cost").decimalValue());
        }
        assertThat(prompt).isPositive();
        assertThat(completion).isPositive();
        assertThat(cost).isPositive();

        // A stream's usage record is written as it ends, just after the client read [DONE]: wait for the last.
        double input = awaitDelta(before, "gen_ai_client_token_usage_sum", "gen_ai_token_type=\"input\"", prompt);
        String after = Metrics.of(ports.gateway());
        assertThat(input).as("prompt tokens of the five answers").isEqualTo(prompt);
        assertThat(delta(before, after, "gen_ai_client_token_usage_sum", "gen_ai_token_type=\"output\""))
                .as("completion tokens of the five answers").isEqualTo(completion);
        assertThat(delta(before, after, "gen_ai_client_token_usage_count", "gen_ai_token_type=\"output\""))
                .as("one sample per generation").isEqualTo(5);
        assertThat(Metrics.sample(after, "gen_ai_client_token_usage_sum", MODEL_LABEL)).isPositive();
        // The organization is this test's alone: its cost series grew by exactly what its answers charged.
        assertThat(delta(before, after, "atrium_gateway_cost_usd_total",
                "organization=\"" + tenant.organizationId() + "\""))
                .isCloseTo(cost.doubleValue(), Offset.offset(1e-9));
        assertThat(delta(before, after, "gen_ai_server_time_to_first_token_seconds_count", MODEL_LABEL))
                .as("one first token per stream, none for the answers that were not streamed").isEqualTo(2);
        double firstTokens = delta(before, after, "gen_ai_server_time_to_first_token_seconds_sum", MODEL_LABEL);
        assertThat(firstTokens).as("the first tokens came before the streams ended (%d ms)", streamedMillis)
                .isPositive().isLessThanOrEqualTo(streamedMillis / 1000.0);
        assertThat(delta(before, after, "atrium_gateway_check_latency_seconds_count", "outcome=\"allowed\""))
                .as("every request checked once").isEqualTo(5);
        assertThat(after).as("no series names a tenant's workspace (per-workspace labels are off)")
                .doesNotContain(tenant.workspaceId());

        String guardrail = Metrics.of(ports.guardrail());
        assertThat(delta(guardrailBefore, guardrail, "atrium_guardrail_check_latency_seconds_count",
                "outcome=\"allowed\"")).as("guardrail decided the five checks").isGreaterThanOrEqualTo(5);
        assertThat(Metrics.sample(guardrail, "atrium_guardrail_reservations_open", "")).isNotNegative();
    }

    @Test
    void everyMetricTheDashboardAndAlertsReadIsExportedByItsService() throws Exception {
        chat(true, "Make every series exist").then().statusCode(200);
        Path list = Path.of(System.getProperty("atrium.root", "../..")).resolve(
                "deploy/kubernetes/monitoring/metrics.txt");
        Map<String, Integer> services = Map.of("gateway", ports.gateway(), "guardrail", ports.guardrail(),
                "billing", ports.billing(), "routing", ports.routing(), "workspace", ports.workspace());
        List<String> missing = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            missing.clear();
            Map<String, String> scraped = new java.util.HashMap<>();
            for (String line : Files.readAllLines(list)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] entry = line.strip().split("\\s+");
                String exposition = scraped.computeIfAbsent(entry[0], s -> Metrics.of(services.get(s)));
                if (Metrics.sample(exposition, entry[1], "") < 0) {
                    missing.add(entry[0] + " " + entry[1]);
                }
            }
            // Consumer lag appears once a consumer has fetched; gauges once first measured.
        } while (!missing.isEmpty() && System.nanoTime() < deadline && pause());
        assertThat(missing).as("listed in metrics.txt, not exported").isEmpty();
    }

    /**
     * A stack just started on a loaded machine may refuse its first requests (an internal call past its time
     * limit while the services compile): those are retried here, before the measured requests.
     */
    private static void warmUp() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (chat(false, "Warm up").statusCode() != 200 && System.nanoTime() < deadline && pause()) {
            // the next try
        }
    }

    private static Response chat(boolean stream, String content) {
        return given().header("Authorization", "Bearer " + tenant.apiKey()).contentType("application/json")
                .body(Map.of("model", MODEL, "stream", stream, "messages", List.of(Map.of("role", "user",
                        "content", content))))
                .post(SharedStack.url(ports.gateway(), "/api/v1/chat/completions"));
    }

    private static JsonNode lastUsage(Response stream) throws Exception {
        assertThat(stream.statusCode()).isEqualTo(200);
        String text = stream.asString();
        assertThat(text).contains("data: [DONE]");
        JsonNode usage = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                JsonNode chunk = JSON.readTree(line.substring(6));
                if (chunk.hasNonNull("usage")) {
                    usage = chunk.path("usage");
                }
            }
        }
        assertThat(usage).as("the stream's usage chunk").isNotNull();
        return usage;
    }

    private static double delta(String before, String after, String name, String labels) {
        return Math.max(0, Metrics.sample(after, name, labels)) - Math.max(0, Metrics.sample(before, name, labels));
    }

    private static double awaitDelta(String before, String name, String labels, double expected) {
        DoubleSupplier now = () -> delta(before, Metrics.of(ports.gateway()), name, labels);
        long deadline = System.nanoTime() + WAIT.toNanos();
        double value = now.getAsDouble();
        while (value < expected && System.nanoTime() < deadline && pause()) {
            value = now.getAsDouble();
        }
        return value;
    }

    private static boolean pause() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
