package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through the launched stack, the provider can never produce more than was reserved: a request without
 * {@code max_tokens} on a nearly spent key is sent the completion its reservation covers, a provider that
 * ignores it is cut off at the reservation (streaming) or charged no more than it (not streaming), {@code n}
 * is reserved once per choice, and a stream dropped before its first content fails over and is not charged.
 * Every case goes to the simulator's {@code sim-flaky}, which is reset after each.
 */
class MoneyPathSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "openai/gpt-4o-mini";

    private static Ports ports;
    private static AdminClient admin;
    private static String workspaceId;

    @BeforeAll
    static void tenant() {
        ports = SharedStack.ports();
        admin = AdminClient.login(SharedStack.get().keycloakUrl());
        String org = Tenants.organization(admin, "money");
        workspaceId = Tenants.workspace(admin, org, "apps");
        Tenants.awaitGuardrailKnows(admin, workspaceId);
        Tenants.credit(admin, org, 10);
        Tenants.awaitGuardrailCredits(org, workspaceId);
    }

    @AfterEach
    void resetSimulator() {
        given().delete(SharedStack.url(ports.simulator(), "/sim/providers/sim-flaky")).then().statusCode(200);
        given().delete(SharedStack.url(ports.simulator(), "/sim/providers/sim-fast")).then().statusCode(200);
    }

    @Test
    void aProviderIgnoringMaxTokensIsCutOffMidStreamAtTheReservationWithACleanEnd() throws Exception {
        String key = key("cut-off", 1);
        simulate("sim-flaky", Map.of("ignore_max_tokens", true, "completion_tokens", 400));

        List<JsonNode> chunks = stream(key, Map.of("max_tokens", 20, "provider", only("sim-flaky")));

        long words = chunks.stream().filter(c -> !c.path("choices").path(0).path("delta").path("content")
                .asText("").isEmpty()).count();
        assertThat(words).as("one token a word, 20 reserved, 400 written").isBetween(1L, 20L);
        assertThat(chunks).anySatisfy(c -> assertThat(c.path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("length"));
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        assertThat(usage.path("completion_tokens").asLong()).isLessThanOrEqualTo(20);
        assertThat(usage.path("cost").decimalValue()).isLessThanOrEqualTo(worstCase(20));
    }

    @Test
    void aNonStreamingAnswerPastItsMaxTokensIsChargedNoMoreThanTheReservation() throws Exception {
        String key = key("capped", 1);
        simulate("sim-flaky", Map.of("ignore_max_tokens", true, "completion_tokens", 400));

        JsonNode answer = complete(key, Map.of("max_tokens", 20, "provider", only("sim-flaky")), 200);

        assertThat(answer.path("usage").path("completion_tokens").asLong()).as("as the provider reported it")
                .isEqualTo(400);
        assertThat(answer.path("usage").path("cost").decimalValue()).isLessThanOrEqualTo(worstCase(20));
    }

    @Test
    void withoutMaxTokensANearlySpentKeyIsNeverChargedPastItsLimit() throws Exception {
        BigDecimal limit = new BigDecimal("0.01");
        String key = key("nearly-spent", limit.doubleValue());
        // 20,000 tokens at $0.60 per million would be $0.012: more than the key may spend.
        simulate("sim-flaky", Map.of("ignore_max_tokens", true, "completion_tokens", 20_000));

        List<JsonNode> chunks = stream(key, Map.of("provider", only("sim-flaky")));
        assertThat(chunks).anySatisfy(c -> assertThat(c.path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("length"));
        BigDecimal streamed = chunks.get(chunks.size() - 1).path("usage").path("cost").decimalValue();
        assertThat(streamed).isPositive().isLessThanOrEqualTo(limit);
        BigDecimal spent = awaitKeyUsage(key, streamed);

        Response second = chat(key, Map.of("provider", only("sim-flaky")));
        if (second.statusCode() == 200) {
            assertThat(spent.add(new BigDecimal(second.jsonPath().getString("usage.cost"))))
                    .isLessThanOrEqualTo(limit);
        } else {
            assertThat(second.statusCode()).isEqualTo(402);
        }
        assertThat(keyUsage(key)).isLessThanOrEqualTo(limit);
    }

    @Test
    void nIsReservedOncePerChoice() throws Exception {
        // One choice of 1,000 tokens fits a $0.004 key (about $0.0006); eight do not (about $0.0048).
        String key = key("eight-choices", 0.004);
        complete(key, Map.of("max_tokens", 1000, "provider", only("sim-flaky")), 200);
        JsonNode refused = complete(key, Map.of("max_tokens", 1000, "n", 8, "provider", only("sim-flaky")), 402);
        assertThat(refused.path("error").path("code").asInt()).isEqualTo(402);
    }

    @Test
    void aStreamDroppedBeforeItsFirstContentFailsOverAndIsNotCharged() throws Exception {
        String key = key("dropped", 1);
        // The role chunk goes out, then the connection is cut before any content.
        simulate("sim-flaky", Map.of("drop_after_chunks", 1));

        List<JsonNode> chunks = stream(key, Map.of("max_tokens", 10,
                "provider", Map.of("order", List.of("sim-flaky", "sim-fast"), "allow_fallbacks", true)));

        assertThat(chunks).isNotEmpty().allSatisfy(c -> assertThat(c.has("error")).isFalse());
        assertThat(chunks).allSatisfy(c -> assertThat(c.path("provider").asText()).isEqualTo("sim-fast"));
        BigDecimal cost = chunks.get(chunks.size() - 1).path("usage").path("cost").decimalValue();
        assertThat(cost).isPositive();
        awaitKeyUsage(key, cost);
        Thread.sleep(1000);
        assertThat(keyUsage(key)).as("only the answer that was relayed is charged, a second later too")
                .isEqualByComparingTo(cost);
    }

    private static Map<String, Object> only(String provider) {
        return Map.of("only", List.of(provider), "allow_fallbacks", false);
    }

    /** The most one request of {@code maxTokens} may cost, prompt included (a short prompt, a cent at most). */
    private static BigDecimal worstCase(int maxTokens) throws Exception {
        return Budgets.worstCase(admin, MODEL, maxTokens).add(new BigDecimal("0.0001"));
    }

    private static String key(String name, double limit) {
        return admin.post(SharedStack.url(ports.workspace(), "/api/v1/workspaces/" + workspaceId + "/keys"),
                Map.of("name", name, "limit", limit), Map.of(), 201).path("key").asText();
    }

    private static void simulate(String provider, Map<String, Object> behaviour) {
        given().contentType("application/json").body(behaviour)
                .put(SharedStack.url(ports.simulator(), "/sim/providers/" + provider)).then().statusCode(200);
    }

    private static Response chat(String key, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("model", MODEL);
        body.put("messages", List.of(Map.of("role", "user", "content", "Say a few words")));
        return given().header("Authorization", "Bearer " + key).contentType("application/json").body(body)
                .post(SharedStack.url(ports.gateway(), "/api/v1/chat/completions"));
    }

    private static JsonNode complete(String key, Map<String, Object> extra, int status) throws Exception {
        Response answer = chat(key, extra);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        return JSON.readTree(answer.asString());
    }

    /** Every {@code data:} chunk of a streamed answer, {@code [DONE]} left out. */
    private static List<JsonNode> stream(String key, Map<String, Object> extra) throws Exception {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("stream", true);
        Response answer = chat(key, body);
        assertThat(answer.statusCode()).isEqualTo(200);
        String text = answer.asString();
        assertThat(text).as("the stream ends cleanly").contains("data: [DONE]");
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                chunks.add(JSON.readTree(line.substring(6)));
            }
        }
        return chunks;
    }

    private static BigDecimal keyUsage(String key) throws Exception {
        return JSON.readTree(given().header("Authorization", "Bearer " + key)
                .get(SharedStack.url(ports.gateway(), "/api/v1/key")).then().statusCode(200).extract().asString())
                .path("data").path("usage").decimalValue();
    }

    /** The key's usage once guardrail has settled at least {@code expected} (settlements arrive on Kafka). */
    private static BigDecimal awaitKeyUsage(String key, BigDecimal expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        BigDecimal usage = keyUsage(key);
        while (usage.compareTo(expected) < 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            usage = keyUsage(key);
        }
        return usage;
    }
}
