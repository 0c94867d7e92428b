package dev.atrium.guardrail.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.TestCredits;
import dev.atrium.guardrail.TestPrices;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GuardrailResourceTest {

    /** Credits fail closed: these tests are about other limits. */
    @BeforeEach
    void credits() {
        TestCredits.grant("org_ceiling", "org_events", "org_billing");
        // What cannot be priced is refused (503): the models these checks name have prices.
        TestPrices.known("openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-3.5-haiku");
    }

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void theCeilingsAllowListDecidesTheGatewaysCheck() {
        put("/api/v1/organizations/org_ceiling/guardrails", Map.of("allowed_models", List.of("openai/*")))
                .statusCode(200).body("level", equalTo("organization")).body("revision", equalTo(1))
                .body("policy.allowed_models", contains("openai/*")).body("updated_by", equalTo("ops"));

        ActAs.caller("gateway", Caller.SERVICE);
        check("org_ceiling", "anthropic/claude-3.5-haiku")
                .statusCode(200).body("allowed", equalTo(false)).body("status", equalTo(403))
                .body("message", equalTo(
                        "Model anthropic/claude-3.5-haiku is not allowed by the organization's allowed_models"))
                .body("policy_revision", equalTo("org:1,ws:0"));
        check("org_ceiling", "openai/gpt-4o-mini")
                .statusCode(200).body("allowed", equalTo(true)).body("status", equalTo(200))
                .body("constraints.allowed_models", hasItem("openai/*"))
                .body("constraints.zdr_required", equalTo(false))
                .body("reservation_id", notNullValue()).body("policy_revision", equalTo("org:1,ws:0"))
                .body("completion_tokens", notNullValue());
    }

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void badLimitsWindowsRegexesAndUnknownFieldsAre400sNamingThemAndWriteNothing() {
        put("/api/v1/organizations/org_strict/guardrails",
                Map.of("max_tokens", 100, "budgets", List.of(Map.of("window", "daily", "limit", -10))))
                .statusCode(400).body("error.code", equalTo(400)).body("error.metadata.field", equalTo("budgets"))
                .body("error.message", containsString("limit"));
        put("/api/v1/organizations/org_strict/guardrails",
                Map.of("budgets", List.of(Map.of("window", "hourly", "limit", 10))))
                .statusCode(400).body("error.metadata.field", equalTo("budgets.window"));
        put("/api/v1/organizations/org_strict/guardrails",
                Map.of("budgets", List.of(Map.of("window", "daily", "limit", "ten"))))
                .statusCode(400).body("error.metadata.field", equalTo("budgets.limit"));
        put("/api/v1/organizations/org_strict/guardrails", Map.of("rate_limits", Map.of("requests_per_minute", -5)))
                .statusCode(400).body("error.metadata.field", equalTo("rate_limits.requests_per_minute"));
        put("/api/v1/organizations/org_strict/guardrails", Map.of("content_filters",
                List.of(Map.of("pattern", "(x+)\\1", "action", "block"))))
                .statusCode(400).body("error.metadata.field", equalTo("content_filters.pattern"))
                .body("error.message", containsString("uses a back-reference (\\1), which the linear-time"));
        put("/api/v1/organizations/org_strict/guardrails", Map.of("content_filters",
                List.of(Map.of("pattern", "secret(?=key)", "action", "block"))))
                .statusCode(400).body("error.metadata.field", equalTo("content_filters.pattern"))
                .body("error.message", containsString("a lookahead ((?=)"));
        put("/api/v1/organizations/org_strict/guardrails", Map.of("allowed_modelz", List.of("openai/*")))
                .statusCode(400).body("error.metadata.field", equalTo("allowed_modelz"));
        put("/api/v1/organizations/org_strict/guardrails", Map.of("data_policy", Map.of("data_collection", "maybe")))
                .statusCode(400).body("error.metadata.field", equalTo("data_policy.data_collection"));
        put("/api/v1/organizations/org_strict/guardrails", Map.of("max_tokens", 0))
                .statusCode(400).body("error.metadata.field", equalTo("max_tokens"));

        given().get("/api/v1/organizations/org_strict/guardrails").then().statusCode(200)
                .body("revision", equalTo(0)).body("policy.max_tokens", nullValue())
                .body("policy.budgets", nullValue()).body("updated_at", nullValue());
    }

    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void fieldsOfALaterStepAndUnknownFieldsAre400sNamingThemAndWriteNothing() {
        put("/api/v1/organizations/org_strict/guardrails",
                Map.of("max_tokens", 100, "budgets", List.of(Map.of("window", "daily", "limit", 10))))
                .statusCode(400).body("error.code", equalTo(400)).body("error.metadata.field", equalTo("budgets"))
                .body("error.message", containsString("not supported yet"));
        put("/api/v1/organizations/org_strict/guardrails", Map.of("rate_limits", Map.of("requests_per_minute", 5)))
                .statusCode(400).body("error.metadata.field", equalTo("rate_limits"));
        put("/api/v1/organizations/org_strict/guardrails", Map.of("allowed_modelz", List.of("openai/*")))
                .statusCode(400).body("error.metadata.field", equalTo("allowed_modelz"));
        put("/api/v1/organizations/org_strict/guardrails", Map.of("data_policy", Map.of("data_collection", "maybe")))
                .statusCode(400).body("error.metadata.field", equalTo("data_policy.data_collection"));
        put("/api/v1/organizations/org_strict/guardrails", Map.of("max_tokens", 0))
                .statusCode(400).body("error.metadata.field", equalTo("max_tokens"));

        given().get("/api/v1/organizations/org_strict/guardrails").then().statusCode(200)
                .body("revision", equalTo(0)).body("policy.max_tokens", nullValue())
                .body("updated_at", nullValue());
    }

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/org_events/admin")
    void aWorkspaceLearnedFromKafkaTakesItsAdminsPolicyAndShowsTheStrictestEffectiveValues() {
        Events.send(WorkspaceEvents.TOPIC, "org_events", WorkspaceEvents.WORKSPACE_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.WorkspaceCreated("ws_events", "org_events", "Prod", "prod", Instant.now()));
        Map<String, Object> wide = Map.of("max_tokens", 8000, "allowed_models", List.of("openai/*", "anthropic/*"));
        putOnceKnown("/api/v1/workspaces/ws_events/guardrails", wide)
                .body("level", equalTo("workspace")).body("workspace_id", equalTo("ws_events"))
                .body("organization_id", equalTo("org_events")).body("revision", equalTo(1));
        put("/api/v1/organizations/org_events/guardrails", Map.of("max_tokens", 4096, "allowed_models",
                List.of("openai/*"), "data_policy", Map.of("data_collection", "deny"))).statusCode(200);

        given().get("/api/v1/workspaces/ws_events/guardrails/effective").then().statusCode(200)
                .body("workspace_id", equalTo("ws_events")).body("key_id", nullValue())
                .body("policy.max_tokens", equalTo(4096))
                .body("policy.allowed_models", contains("openai/*"))
                .body("policy.data_policy.data_collection", equalTo("deny"))
                .body("decided_by.max_tokens", equalTo("organization"))
                .body("decided_by.allowed_models", contains("organization", "workspace"))
                .body("budgets", empty())
                .body("revisions.organization", equalTo(1)).body("revisions.workspace", equalTo(1))
                .body("overridden.find { it.field == 'max_tokens' }.level", equalTo("workspace"))
                .body("overridden.find { it.field == 'max_tokens' }.requested", equalTo(8000))
                .body("overridden.find { it.field == 'max_tokens' }.applied", equalTo(4096))
                .body("overridden.find { it.field == 'allowed_models' }.applied", contains("openai/*"));
        given().get("/api/v1/workspaces/ws_events/guardrails/revisions").then().statusCode(200)
                .body("data.level", contains("organization", "workspace"))
                .body("data[1].changes.find { it.field == 'max_tokens' }.new", equalTo(8000))
                .body("next_cursor", nullValue());

        ActAs.caller("mallory", "/orgs/org_other/admin");
        put("/api/v1/workspaces/ws_events/guardrails", Map.of("max_tokens", 1)).statusCode(404)
                .body("error.code", equalTo(404));
        given().get("/api/v1/workspaces/ws_events/guardrails/effective").then().statusCode(404);

        ActAs.caller("bob", Caller.workspaceGroup("org_events", "ws_events", "member"));
        given().get("/api/v1/workspaces/ws_events/guardrails").then().statusCode(200)
                .body("policy.max_tokens", equalTo(8000));
        put("/api/v1/workspaces/ws_events/guardrails", Map.of("max_tokens", 1)).statusCode(403)
                .body("error.code", equalTo(403));
        given().get("/api/v1/organizations/org_events/guardrails").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "carol", roles = "/orgs/org_billing/billing")
    void billingReadsButDoesNotWriteTheCeilingAndOutsidersSeeNothing() {
        given().get("/api/v1/organizations/org_billing/guardrails").then().statusCode(200)
                .body("organization_id", equalTo("org_billing")).body("revision", equalTo(0));
        put("/api/v1/organizations/org_billing/guardrails", Map.of("max_tokens", 10)).statusCode(403);
        given().get("/api/v1/organizations/org_elsewhere/guardrails").then().statusCode(404)
                .body("error.code", equalTo(404));
        given().get("/api/v1/workspaces/ws_never_announced/guardrails").then().statusCode(404);
    }

    @Test
    void anonymousCallersGet401() {
        given().get("/api/v1/organizations/org_ceiling/guardrails").then().statusCode(401)
                .body("error.code", equalTo(401));
        given().contentType(ContentType.JSON).body(Map.of("organization_id", "o", "workspace_id", "w"))
                .post("/internal/v1/checks").then().statusCode(401).body("error.code", equalTo(401));
        given().get("/internal/v1/keys/key_1/spend").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void aFilterStoredBeforeRe2LoadsFlaggedAndRefusesWhatItWouldScanUntilSavedAgain() throws Exception {
        TestCredits.grant("org_legacy");
        put("/api/v1/organizations/org_legacy/guardrails", Map.of("max_tokens", 100, "content_filters",
                List.of(Map.of("pattern", "secret(?:key)", "action", "redact", "label", "legacy")))).statusCode(200);
        // As a release before RE2/J stored it: java.util.regex took lookahead.
        try (var c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                var ps = c.prepareStatement("UPDATE policy SET document = replace(document, 'secret(?:key)',"
                        + " 'secret(?=key)'), revision = 2 WHERE level = 'organization' AND scope_id = 'org_legacy'")) {
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        given().get("/api/v1/organizations/org_legacy/guardrails").then().statusCode(200)
                .body("revision", equalTo(2)).body("policy.max_tokens", equalTo(100))
                .body("policy.content_filters[0].pattern", equalTo("secret(?=key)"))
                .body("policy.content_filters[0].error", allOf(containsString("uses a lookahead ((?=)"),
                        containsString("refuses every text it would scan until it is saved again")));
        ActAs.caller("gateway", Caller.SERVICE);
        checkText("org_legacy", "nothing to hide").statusCode(200).body("allowed", equalTo(false))
                .body("status", equalTo(403)).body("message", equalTo("Request refused: the organization's content"
                        + " filter legacy cannot run its pattern, stored before content filters took RE2 syntax; an"
                        + " administrator must save it again."));
        // The rest of the policy still applies.
        check("org_legacy", "openai/gpt-4o-mini").statusCode(200).body("allowed", equalTo(true));

        ActAs.caller("ops", Caller.PLATFORM_ADMIN);
        put("/api/v1/organizations/org_legacy/guardrails", Map.of("max_tokens", 100, "content_filters",
                List.of(Map.of("pattern", "secretkey", "action", "redact", "label", "legacy")))).statusCode(200)
                .body("policy.content_filters[0].error", nullValue());
        ActAs.caller("gateway", Caller.SERVICE);
        checkText("org_legacy", "nothing to hide").statusCode(200).body("allowed", equalTo(true));
    }

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void internalRoutesRefuseNonServiceCallers() {
        check("org_ceiling", "openai/gpt-4o-mini").statusCode(403).body("error.code", equalTo(403));
        given().get("/internal/v1/keys/key_1/spend").then().statusCode(403);
    }

    private static ValidatableResponse put(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    /** A workspace is known once its event arrives: until then a PUT is a 404 that writes nothing. */
    private static ValidatableResponse putOnceKnown(String path, Map<String, ?> body) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            ValidatableResponse response = put(path, body);
            int status = response.extract().statusCode();
            if (status != 404 || System.nanoTime() > deadline) {
                assertThat(status).as("PUT %s once the workspace event arrived", path).isEqualTo(200);
                return response;
            }
            sleep();
        }
    }

    private static ValidatableResponse check(String org, String model) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organization_id", org, "workspace_id", "ws_not_yet_announced", "key_id", "key_1",
                        "owner_user_id", "user_1", "models", List.of(model), "estimated_prompt_tokens", 12))
                .post("/internal/v1/checks").then();
    }

    private static ValidatableResponse checkText(String org, String text) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organization_id", org, "workspace_id", "ws_not_yet_announced", "key_id", "key_1",
                        "owner_user_id", "user_1", "models", List.of("openai/gpt-4o-mini"),
                        "estimated_prompt_tokens", 12, "text", text))
                .post("/internal/v1/checks").then();
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
