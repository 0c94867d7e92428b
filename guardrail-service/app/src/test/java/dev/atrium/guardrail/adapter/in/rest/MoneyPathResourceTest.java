package dev.atrium.guardrail.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.api.BalanceChanged;
import dev.atrium.billing.api.BillingEvents;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.TestCredits;
import dev.atrium.routing.api.RoutingEvents;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Credits that fail closed, explain's dry run and the reconciliation route, over HTTP and Kafka. */
@QuarkusTest
class MoneyPathResourceTest {

    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());
    private static final String MODEL = "money-path/model";

    @Inject
    AgroalDataSource dataSource;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** An organization is created with no credits: refused (without its balance told) until billing grants some. */
    @Test
    @TestSecurity(user = "gateway", roles = Caller.SERVICE)
    void aNewOrganizationIsRefusedUntilBillingReportsCreditsAndTheMessageHidesTheBalance() {
        priceKnown();
        String org = "org_new_" + run;
        Events.send(WorkspaceEvents.TOPIC, org, WorkspaceEvents.ORGANIZATION_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.OrganizationCreated(org, "New", "new-" + run, Instant.now()));
        await(() -> count("SELECT count(*) FROM credit_balance WHERE organization_id = '" + org + "'") == 1);

        check(org, false).body("allowed", equalTo(false)).body("status", equalTo(402))
                .body("message", equalTo("The organization's credits are too low for this request:"
                        + " this request may cost up to $0.10. An organization admin can add credits."))
                .body("reservation_id", nullValue());

        Events.send(BillingEvents.BALANCE_TOPIC, org, BillingEvents.BALANCE_CHANGED, BillingEvents.SOURCE,
                new BalanceChanged(org, new BigDecimal("0.15"), "USD", 0, "top_up", "cr_" + run, Instant.now()));
        JsonNode admitted = awaitCheck(org, a -> a.path("allowed").asBoolean());
        assertThat(admitted.path("reservation_id").asText()).startsWith("res_");
        JsonNode refused = read(check(org, false).extract().asString());
        assertThat(refused.path("status").asInt()).isEqualTo(402);
        assertThat(refused.path("message").asText()).doesNotContain("0.15").doesNotContain("0.05");
    }

    /** Explain's check, as often as the key's rate limit allows and more: the real request is still admitted. */
    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void dryRunsCountHoldAndWriteNothing() {
        priceKnown();
        String org = "org_dry_" + run;
        TestCredits.grant(org);
        given().contentType(ContentType.JSON).body(Map.of("rate_limits", Map.of("requests_per_minute", 3)))
                .put("/api/v1/organizations/" + org + "/guardrails").then().statusCode(200);
        ActAs.caller("gateway", Caller.SERVICE);

        for (int i = 0; i < 5; i++) {
            check(org, true).body("allowed", equalTo(true)).body("reservation_id", nullValue());
        }
        assertThat(count("SELECT count(*) FROM rate_counter WHERE scope_id = '" + org + "'")).isZero();
        assertThat(count("SELECT count(*) FROM reservation WHERE organization_id = '" + org + "'")).isZero();
        assertThat(count("SELECT count(*) FROM credit_balance WHERE organization_id = '" + org
                + "' AND reserved = 0")).isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            check(org, false).body("allowed", equalTo(true));
        }
        check(org, true).body("allowed", equalTo(false)).body("status", equalTo(429))
                .body("message", equalTo("Organization rate limit of 3 requests per minute exceeded."));
        assertThat(count("SELECT sum(requests) FROM rate_counter WHERE scope_id = '" + org + "'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM reservation WHERE organization_id = '" + org + "'")).isEqualTo(3);
    }

    /** A credit row holding more than any reservation (drift injected behind the protocol's back) is named. */
    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void aPlatformAdminReadsTheReconciliationNamingADriftingOrganization() {
        String org = "org_drifting_" + run;
        TestCredits.grant(org);
        execute("UPDATE credit_balance SET reserved = 0.25 WHERE organization_id = '" + org + "'");
        try {
            JsonNode r = read(given().get("/api/v1/admin/reservations/reconciliation").then().statusCode(200)
                    .extract().asString());
            assertThat(r.path("organizations_with_drift").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(r.path("drift").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("0.25"));
            assertThat(r.path("checked_at").asText()).endsWith("Z");
            JsonNode line = null;
            for (JsonNode o : r.path("data")) {
                if (o.path("organization_id").asText().equals(org)) {
                    line = o;
                }
            }
            assertThat(line).as("%s in %s", org, r).isNotNull();
            assertThat(line.path("held").decimalValue()).isEqualByComparingTo("0.25");
            assertThat(line.path("open_reservations").decimalValue()).isEqualByComparingTo("0");
            assertThat(line.path("drift").decimalValue()).isEqualByComparingTo("0.25");
        } finally {
            execute("UPDATE credit_balance SET reserved = 0 WHERE organization_id = '" + org + "'");
        }
        JsonNode after = read(given().get("/api/v1/admin/reservations/reconciliation").then().statusCode(200)
                .extract().asString());
        assertThat(after.path("data").findValuesAsText("organization_id")).doesNotContain(org);
    }

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/org_a/admin")
    void anOrganizationAdminMayNotReadTheReconciliation() {
        given().get("/api/v1/admin/reservations/reconciliation").then().statusCode(403)
                .body("error.code", equalTo(403));
    }

    /** No budget and credits to spare: a model nobody has priced is still refused, never admitted holding nothing. */
    @Test
    @TestSecurity(user = "gateway", roles = Caller.SERVICE)
    void aRequestThatCannotBePricedIsRefusedWithoutABudget() {
        String org = "org_unpriced_" + run;
        String model = "nobody-prices/model-" + run;
        TestCredits.grant(org);
        given().contentType(ContentType.JSON)
                .body(Map.of("organization_id", org, "workspace_id", "ws_" + org, "models", List.of(model),
                        "estimated_prompt_tokens", 10))
                .post("/internal/v1/checks").then().statusCode(200)
                .body("allowed", equalTo(false)).body("status", equalTo(503))
                .body("message", equalTo("The prices of " + model + " are not known yet, so the request cannot be"
                        + " priced against budgets and credits; try again shortly."))
                .body("reservation_id", nullValue());
        assertThat(count("SELECT count(*) FROM reservation WHERE organization_id = '" + org + "'")).isZero();
    }

    /** A gateway instance's start gives back its earlier life's hold; another instance's start does not. */
    @Test
    @TestSecurity(user = "gateway", roles = Caller.SERVICE)
    void aGatewaysStartGivesBackOnlyItsEarlierLivesHolds() {
        priceKnown();
        String org = "org_lives_" + run;
        TestCredits.grant(org);
        String instance = "gateway-" + run;
        String held = given().contentType(ContentType.JSON)
                .body(Map.of("organization_id", org, "workspace_id", "ws_" + org, "models", List.of(MODEL),
                        "estimated_prompt_tokens", 0, "max_tokens", 1000,
                        "holder", Map.of("instance", instance, "life", "first")))
                .post("/internal/v1/checks").then().statusCode(200).body("allowed", equalTo(true))
                .extract().path("reservation_id");

        releasePreviousLives(Map.of("instance", "other-" + run, "life", "second")).body("released", equalTo(0));
        releasePreviousLives(Map.of("instance", instance, "life", "first")).body("released", equalTo(0));
        assertThat(count("SELECT count(*) FROM reservation WHERE id = '" + held + "'")).isEqualTo(1);
        releasePreviousLives(Map.of("instance", instance, "life", "second")).body("released", equalTo(1));
        assertThat(count("SELECT count(*) FROM reservation WHERE id = '" + held + "'")).isZero();
        assertThat(count("SELECT count(*) FROM credit_balance WHERE organization_id = '" + org
                + "' AND reserved = 0")).isEqualTo(1);

        given().contentType(ContentType.JSON).body(Map.of("instance", instance))
                .post("/internal/v1/reservations/release-previous-lives").then().statusCode(400)
                .body("error.metadata.field", equalTo("life"));
    }

    private static ValidatableResponse releasePreviousLives(Map<String, String> holder) {
        return given().contentType(ContentType.JSON).body(holder)
                .post("/internal/v1/reservations/release-previous-lives").then().statusCode(200);
    }

    private void priceKnown() {
        Events.send(RoutingEvents.TOPIC, "money-path", "dev.atrium.routing.endpoint.updated.v1",
                RoutingEvents.SOURCE, Map.of("model", MODEL, "provider", "sim-fast",
                        "pricing", Map.of("prompt", "0", "completion", "0.0001"), "max_completion_tokens", 4096));
        await(() -> count("SELECT count(*) FROM endpoint_price WHERE model = '" + MODEL + "'") == 1);
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse check(String org, boolean dryRun) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organization_id", org, "workspace_id", "ws_" + org, "key_id", "key_" + org,
                        "models", List.of(MODEL), "estimated_prompt_tokens", 0, "max_tokens", 1000,
                        "dry_run", dryRun))
                .post("/internal/v1/checks").then().statusCode(200);
    }

    private static JsonNode awaitCheck(String org, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode answer = read(check(org, false).extract().asString());
            if (done.test(answer) || System.nanoTime() > deadline) {
                assertThat(done.test(answer)).as("check of %s: %s", org, answer).isTrue();
                return answer;
            }
            sleep();
        }
    }

    private static void await(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            sleep();
        }
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
