package dev.atrium.guardrail.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.api.BalanceChanged;
import dev.atrium.billing.api.BillingEvents;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.common.security.Caller;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.guardrail.TestCredits;
import dev.atrium.guardrail.TestPrices;
import dev.atrium.guardrail.application.port.in.ExpireReservationsUseCase;
import dev.atrium.routing.api.RoutingEvents;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Budgets, credits and reservations on the real PostgreSQL and Kafka. */
@QuarkusTest
class BudgetResourceTest {

    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());
    /** $0.10 for 1000 completion tokens and no prompt. */
    private static final String MODEL = "budget-test/model";

    /** Credits fail closed: these tests are about other limits. */
    @BeforeEach
    void credits() {
        TestCredits.grant("org_price_probe", "org_race", "org_four", "org_batch", "org_settle", "org_filters");
    }

    @TestHTTPResource("/internal/v1/checks")
    URI checks;

    @Inject
    ExpireReservationsUseCase expiry;

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void parallelChecksAgainstASmallBudgetAdmitOnlyWhatFits() throws Exception {
        priceKnown();
        put("/api/v1/organizations/org_race/guardrails",
                Map.of("budgets", List.of(Map.of("window", "daily", "limit", 1.00)))).statusCode(200)
                .body("policy.budgets[0].window", equalTo("daily")).body("policy.budgets[0].limit", equalTo(1.0f));
        ActAs.caller("gateway", Caller.SERVICE);

        List<JsonNode> answers = concurrently(256, "org_race", "ws_race", "key_race");
        long admitted = answers.stream().filter(a -> a.path("allowed").asBoolean()).count();
        assertThat(admitted).isEqualTo(10);
        assertThat(answers.stream().filter(a -> !a.path("allowed").asBoolean()))
                .hasSize(246)
                .allSatisfy(a -> {
                    assertThat(a.path("status").asInt()).isEqualTo(402);
                    assertThat(a.path("message").asText()).isEqualTo("Organization daily budget of $1.00 exceeded.");
                });
        assertThat(answers.stream().filter(a -> a.path("allowed").asBoolean()).map(a -> a.path("reservation_id")
                .asText()).distinct()).hasSize(10);
    }

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void tenParallelChecksAgainstFortyFiveCentsAdmitExactlyFour() throws Exception {
        priceKnown();
        put("/api/v1/organizations/org_four/guardrails",
                Map.of("budgets", List.of(Map.of("window", "monthly", "limit", 0.45)))).statusCode(200);
        ActAs.caller("gateway", Caller.SERVICE);
        List<JsonNode> answers = concurrently(10, "org_four", "ws_four", "key_four");
        assertThat(answers.stream().filter(a -> a.path("allowed").asBoolean()).count()).isEqualTo(4);
        assertThat(answers.stream().filter(a -> a.path("status").asInt() == 402).count()).isEqualTo(6);
    }

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void aBatchDecidesEachCheckOnItsOwnInTheOrderGiven() {
        priceKnown();
        put("/api/v1/organizations/org_batch/guardrails",
                Map.of("budgets", List.of(Map.of("window", "monthly", "limit", 0.45)))).statusCode(200);
        ActAs.caller("gateway", Caller.SERVICE);
        Map<String, Object> one = checkBody("org_batch");

        // A malformed check anywhere in the batch: 400 naming it, and none of the others is decided.
        Map<String, Object> malformed = new HashMap<>(one);
        malformed.remove("workspace_id");
        batch(List.of(one, malformed, one)).statusCode(400).body("error.code", equalTo(400))
                .body("error.metadata.field", equalTo("checks[1].workspace_id"));
        batch(List.of()).statusCode(400).body("error.metadata.field", equalTo("checks"));
        batch(Collections.nCopies(65, one)).statusCode(400).body("error.metadata.field", equalTo("checks"));

        // Each check $0.10 at worst against $0.45: the first four are held, in order, and the rest refused.
        JsonNode results = read(batch(Collections.nCopies(6, one)).statusCode(200).extract().asString())
                .path("results");
        assertThat(results).hasSize(6);
        for (int i = 0; i < 4; i++) {
            assertThat(results.get(i).path("allowed").asBoolean()).as("check %d: %s", i, results.get(i)).isTrue();
            assertThat(results.get(i).path("reservation_id").asText()).startsWith("res_");
        }
        assertThat(results.get(0).path("reservation_id")).isNotEqualTo(results.get(1).path("reservation_id"));
        for (int i = 4; i < 6; i++) {
            assertThat(results.get(i).path("allowed").asBoolean()).isFalse();
            assertThat(results.get(i).path("status").asInt()).isEqualTo(402);
        }
        // Nothing more fits, alone either: the batch's holds are committed like single checks' holds.
        check("org_batch", "ws_org_batch", "key_org_batch").body("allowed", equalTo(false)).body("status", equalTo(402));
    }

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/org_settle/admin")
    void usageSettlesTheReservationAndTheEffectiveViewShowsSpendAndHolds() throws Exception {
        priceKnown();
        Events.send(WorkspaceEvents.TOPIC, "org_settle", WorkspaceEvents.WORKSPACE_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.WorkspaceCreated("ws_settle", "org_settle", "Prod", "prod", Instant.now()));
        Events.send(WorkspaceEvents.TOPIC, "org_settle", WorkspaceEvents.API_KEY_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.ApiKeyCreated("key_settle", "ws_settle", "org_settle", "bob", "ci",
                        new BigDecimal("0.25"), null, false, null, Instant.now()));
        ActAs.caller("alice", "/orgs/org_settle/admin");
        awaitStatus(() -> put("/api/v1/workspaces/ws_settle/guardrails",
                Map.of("budgets", List.of(Map.of("window", "weekly", "limit", 500)))), 200);
        awaitStatus(() -> put("/api/v1/workspaces/ws_settle/keys/key_settle/guardrails",
                Map.of("rate_limits", Map.of("requests_per_minute", 100))), 200)
                .body("level", equalTo("key")).body("key_id", equalTo("key_settle"))
                .body("policy.rate_limits.requests_per_minute", equalTo(100));
        put("/api/v1/workspaces/ws_settle/members/bob/guardrails",
                Map.of("budgets", List.of(Map.of("window", "daily", "limit", 2, "include_byok", true))))
                .statusCode(200).body("level", equalTo("member")).body("user_id", equalTo("bob"));
        given().get("/api/v1/workspaces/ws_settle/members/bob/guardrails").then().statusCode(200)
                .body("policy.budgets[0].include_byok", equalTo(true));
        put("/api/v1/workspaces/ws_settle/keys/key_elsewhere/guardrails", Map.of()).statusCode(404);

        ActAs.caller("gateway", Caller.SERVICE);
        String first = check("org_settle", "ws_settle", "key_settle").body("allowed", equalTo(true))
                .body("reservation_id", startsWith("res_")).extract().path("reservation_id");
        String second = check("org_settle", "ws_settle", "key_settle").body("allowed", equalTo(true))
                .extract().path("reservation_id");
        check("org_settle", "ws_settle", "key_settle").body("allowed", equalTo(false)).body("status", equalTo(402))
                .body("message", equalTo("Key limit of $0.25 exceeded."));

        Events.send(GatewayEvents.USAGE_TOPIC, "org_settle", GatewayEvents.USAGE_TYPE, GatewayEvents.SOURCE,
                usage("gen-settle-1", first, "0.0125"));
        given().post("/internal/v1/reservations/{id}/release", second).then().statusCode(204);
        given().post("/internal/v1/reservations/{id}/release", second).then().statusCode(204);
        given().post("/internal/v1/reservations/{id}/release", "res_unknown").then().statusCode(204);

        ActAs.caller("alice", "/orgs/org_settle/admin");
        JsonNode view = awaitEffective("ws_settle", "key_settle",
                v -> budget(v, "key").path("spent").decimalValue().signum() > 0);
        JsonNode key = budget(view, "key");
        assertThat(key.path("window").asText()).isEqualTo("lifetime");
        assertThat(key.path("limit").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(key.path("spent").decimalValue()).isEqualByComparingTo("0.0125");
        assertThat(key.path("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(key.path("resets_at").isNull()).isTrue();
        JsonNode workspace = budget(view, "workspace");
        assertThat(workspace.path("window").asText()).isEqualTo("weekly");
        assertThat(workspace.path("spent").decimalValue()).isEqualByComparingTo("0.0125");
        assertThat(workspace.path("resets_at").asText()).endsWith("T00:00:00Z");
        JsonNode member = budget(view, "member");
        assertThat(member.path("limit").decimalValue()).isEqualByComparingTo("2");
        assertThat(member.path("spent").decimalValue()).isEqualByComparingTo("0.0125");
        assertThat(view.path("policy").path("rate_limits").path("requests_per_minute").asInt()).isEqualTo(100);
        assertThat(view.path("policy_revision").asText()).isEqualTo("org:0,ws:1,member:1,key:1");
    }

    @Test
    @TestSecurity(user = "gateway", roles = Caller.SERVICE)
    void theCreditBalanceFromBillingCapsWhatIsInFlightAndStaleReservationsExpire() throws Exception {
        priceKnown();
        ActAs.caller("gateway", Caller.SERVICE);
        Events.send(BillingEvents.BALANCE_TOPIC, "org_credit", BillingEvents.BALANCE_CHANGED, BillingEvents.SOURCE,
                new BalanceChanged("org_credit", new BigDecimal("0.15"), "USD", 2, "top_up", "cr_1", Instant.now()));
        Events.send(BillingEvents.BALANCE_TOPIC, "org_credit", BillingEvents.BALANCE_CHANGED, BillingEvents.SOURCE,
                new BalanceChanged("org_credit", new BigDecimal("1000"), "USD", 1, "top_up", "cr_0", Instant.now()));
        String held = awaitCheck("org_credit", r -> r.path("reservation_id").isTextual())
                .path("reservation_id").asText();
        check("org_credit", "ws_credit", "key_credit").body("allowed", equalTo(false)).body("status", equalTo(402))
                .body("message", equalTo("The organization's credits are too low for this request:"
                        + " this request may cost up to $0.10. An organization admin can add credits."));

        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE reservation SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
            ps.setString(1, held);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(expiry.expire()).isGreaterThanOrEqualTo(1);
        check("org_credit", "ws_credit", "key_credit").body("allowed", equalTo(true));
    }

    @Test
    @TestSecurity(user = "gateway", roles = Caller.SERVICE)
    void contentFiltersBlockOrRedactAndRateLimitsAnswer429WithRetryAfter() {
        // What cannot be priced is refused (503) before filters or rate limits matter.
        TestPrices.known("openai/gpt-4o-mini");
        ActAs.caller("ops", Caller.PLATFORM_ADMIN);
        put("/api/v1/organizations/org_filters/guardrails", Map.of(
                "content_filters", List.of(Map.of("builtin", "email", "action", "redact"),
                        Map.of("pattern", "(?i)internal only", "action", "block", "label", "confidential")),
                "rate_limits", Map.of("requests_per_minute", 2))).statusCode(200);
        ActAs.caller("gateway", Caller.SERVICE);
        checkText("org_filters", "mail jane@example.com please").body("allowed", equalTo(true))
                .body("redactions[0].filter", equalTo("email")).body("redactions[0].start", equalTo(5))
                .body("redactions[0].end", equalTo(21))
                .body("redactions[0].replacement", equalTo("[REDACTED:email]"))
                .body("retry_after_seconds", nullValue());
        checkText("org_filters", "INTERNAL ONLY roadmap").body("allowed", equalTo(false))
                .body("status", equalTo(403)).body("message", equalTo("Request blocked by the organization's content filter confidential."));
        checkText("org_filters", "hello").body("allowed", equalTo(true));
        ValidatableResponse limited = checkText("org_filters", "hello");
        int status = limited.extract().path("status");
        if (status == 429) {
            limited.body("message", equalTo("Organization rate limit of 2 requests per minute exceeded."))
                    .body("retry_after_seconds", greaterThan(0));
        } else {
            // The minute turned between the checks: the counter started again.
            assertThat(status).isEqualTo(200);
        }
    }

    private static JsonNode budget(JsonNode view, String level) {
        for (JsonNode b : view.path("budgets")) {
            if (b.path("level").asText().equals(level)) {
                return b;
            }
        }
        throw new AssertionError("No " + level + " budget in " + view);
    }

    private List<JsonNode> concurrently(int n, String org, String ws, String key) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        String body = JSON.writeValueAsString(Map.of("organization_id", org, "workspace_id", ws, "key_id", key,
                "models", List.of(MODEL), "estimated_prompt_tokens", 0, "max_tokens", 1000));
        CyclicBarrier barrier = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(checks)
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    return JSON.readTree(r.body());
                }));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<JsonNode> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Routing's endpoint event fills the price view; until it lands, a budget check answers 503. */
    private static void priceKnown() {
        Events.send(RoutingEvents.TOPIC, "budget-test", "dev.atrium.routing.endpoint.updated.v1",
                RoutingEvents.SOURCE, Map.of("model", MODEL, "provider", "sim-fast",
                        "pricing", Map.of("prompt", "0", "completion", "0.0001"), "max_completion_tokens", 4096));
        Events.send(RoutingEvents.TOPIC, "budget-test", "dev.atrium.routing.endpoint.updated.v1",
                RoutingEvents.SOURCE, Map.of("model", MODEL, "provider", "sim-cheap",
                        "prompt_price", "0", "completion_price", 0.00005));
        ActAs.caller("probe", Caller.SERVICE);
        awaitCheckAs("org_price_probe", r -> r.path("reservation_id").isTextual());
    }

    private static JsonNode awaitCheckAs(String org, Predicate<JsonNode> done) {
        ActAs.caller("ops", Caller.PLATFORM_ADMIN);
        put("/api/v1/organizations/" + org + "/guardrails",
                Map.of("budgets", List.of(Map.of("window", "lifetime", "limit", 1000)))).statusCode(200);
        ActAs.caller("probe", Caller.SERVICE);
        JsonNode answer = awaitCheck(org, done);
        ActAs.caller("ops", Caller.PLATFORM_ADMIN);
        return answer;
    }

    private static JsonNode awaitCheck(String org, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode answer = read(check(org, "ws_" + org, "key_" + org).statusCode(200).extract().asString());
            if (done.test(answer) || System.nanoTime() > deadline) {
                assertThat(done.test(answer)).as("check of %s: %s", org, answer).isTrue();
                return answer;
            }
            sleep();
        }
    }

    private static JsonNode awaitEffective(String ws, String key, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode view = read(given().get("/api/v1/workspaces/{ws}/guardrails/effective?key={key}", ws, key)
                    .then().statusCode(200).extract().asString());
            if (done.test(view) || System.nanoTime() > deadline) {
                assertThat(done.test(view)).as("effective view %s", view).isTrue();
                return view;
            }
            sleep();
        }
    }

    private static ValidatableResponse awaitStatus(Supplier<ValidatableResponse> call, int want) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            ValidatableResponse r = call.get();
            int status = r.extract().statusCode();
            if (status == want || System.nanoTime() > deadline) {
                assertThat(status).isEqualTo(want);
                return r;
            }
            sleep();
        }
    }

    private static UsageRecorded usage(String generationId, String reservationId, String cost) {
        return new UsageRecorded(generationId, "org_settle", "ws_settle", "key_settle", "bob", MODEL, "sim-fast",
                "model", 0, 125, BigDecimal.ZERO, new BigDecimal("0.0001"), new BigDecimal(cost), false,
                reservationId, "org:0,ws:1", 50, false, "stop", Instant.now());
    }

    private static ValidatableResponse check(String org, String ws, String key) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organization_id", org, "workspace_id", ws, "key_id", key, "models", List.of(MODEL),
                        "estimated_prompt_tokens", 0, "max_tokens", 1000))
                .post("/internal/v1/checks").then().statusCode(200);
    }

    private static Map<String, Object> checkBody(String org) {
        return Map.of("organization_id", org, "workspace_id", "ws_" + org, "key_id", "key_" + org,
                "models", List.of(MODEL), "estimated_prompt_tokens", 0, "max_tokens", 1000);
    }

    private static ValidatableResponse batch(List<Map<String, Object>> checks) {
        return given().contentType(ContentType.JSON).body(Map.of("checks", checks))
                .post("/internal/v1/checks/batch").then();
    }

    private static ValidatableResponse checkText(String org, String text) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organization_id", org, "workspace_id", "ws_f", "key_id", "key_f",
                        "models", List.of("openai/gpt-4o-mini"), "estimated_prompt_tokens", 3, "text", text))
                .post("/internal/v1/checks").then().statusCode(200);
    }

    private static ValidatableResponse put(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
