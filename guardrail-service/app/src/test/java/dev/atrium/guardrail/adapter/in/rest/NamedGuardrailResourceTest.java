package dev.atrium.guardrail.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.TestCredits;
import dev.atrium.guardrail.TestPrices;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named guardrails through their REST routes (OpenRouter's shapes) and the gateway's check. */
@QuarkusTest
class NamedGuardrailResourceTest {

    private static final String BASE = "/api/v1/organizations/org_named/named-guardrails";

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/org_named/admin")
    void anAdminCreatesAGuardrailAssignsItAndTheCheckDeniesTheModelItExcludesNamingIt() {
        TestCredits.grant("org_named");
        // The anthropic model is checked too: its price known here, not left to another class run before.
        TestPrices.known("openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-3.5-haiku");
        announce("ws_named", "key_named", "bob");
        announce("ws_named", "key_plain", "carol");

        String id = post(BASE, Map.of("name", "No GPT-4o", "description", "keeps costs down",
                "ignored_models", List.of("openai/gpt-4o"),
                "content_filter_builtins", List.of(Map.of("slug", "credit-card", "action", "redact"))))
                .statusCode(201)
                .body("data.name", equalTo("No GPT-4o")).body("data.description", equalTo("keeps costs down"))
                .body("data.workspace_id", nullValue()).body("data.ignored_models", contains("openai/gpt-4o"))
                .body("data.allowed_models", nullValue()).body("data.limit_usd", nullValue())
                .body("data.include_byok_in_budgets", equalTo(false))
                .body("data.content_filter_builtins[0].slug", equalTo("credit-card"))
                .body("data.content_filter_builtins[0].action", equalTo("redact"))
                .body("data.created_at", notNullValue())
                .extract().path("data.id");
        given().get(BASE).then().statusCode(200).body("total_count", equalTo(1)).body("data[0].id", equalTo(id));
        given().get(BASE + "/" + id).then().statusCode(200).body("data.name", equalTo("No GPT-4o"));

        postOnceKnown(BASE + "/" + id + "/assignments/keys", Map.of("key_hashes", List.of("key_named")))
                .body("assigned_count", equalTo(1));
        post(BASE + "/" + id + "/assignments/keys", Map.of("key_hashes", List.of("key_named")))
                .statusCode(200).body("assigned_count", equalTo(0));
        given().get(BASE + "/" + id + "/assignments/keys").then().statusCode(200).body("total_count", equalTo(1))
                .body("data[0].key_hash", equalTo("key_named")).body("data[0].guardrail_id", equalTo(id))
                .body("data[0].assigned_by", equalTo("alice"));
        given().get(BASE + "/assignments/keys").then().statusCode(200).body("total_count", equalTo(1));
        post(BASE + "/" + id + "/assignments/members", Map.of("member_user_ids", List.of("dave")))
                .statusCode(200).body("assigned_count", equalTo(1));
        given().get(BASE + "/assignments/members").then().statusCode(200)
                .body("data[0].user_id", equalTo("dave")).body("data[0].organization_id", equalTo("org_named"));

        given().get("/api/v1/workspaces/ws_named/guardrails/effective?key=key_named").then().statusCode(200)
                .body("decided_by.ignored_models", contains("guardrail:" + id))
                .body("guardrails[0].name", equalTo("No GPT-4o")).body("guardrails[0].applied_at", equalTo("key"));

        ActAs.caller("gateway", Caller.SERVICE);
        check("key_named", "openai/gpt-4o").body("allowed", equalTo(false)).body("status", equalTo(403))
                .body("message", equalTo("Model openai/gpt-4o is excluded by the guardrail \"No GPT-4o\"'s "
                        + "ignored_models"));
        check("key_plain", "openai/gpt-4o").body("allowed", equalTo(true));

        ActAs.caller("alice", "/orgs/org_named/admin");
        Map<String, Object> patch = new HashMap<>();
        patch.put("ignored_models", null);
        patch.put("allowed_models", List.of("openai/gpt-4o-mini"));
        given().contentType(ContentType.JSON).body(patch).patch(BASE + "/" + id).then().statusCode(200)
                .body("data.name", equalTo("No GPT-4o")).body("data.ignored_models", nullValue())
                .body("data.allowed_models", contains("openai/gpt-4o-mini"))
                .body("data.content_filter_builtins[0].slug", equalTo("credit-card"));
        ActAs.caller("gateway", Caller.SERVICE);
        check("key_named", "openai/gpt-4o").body("allowed", equalTo(false))
                .body("message", equalTo("Model openai/gpt-4o is not allowed by the guardrail \"No GPT-4o\"'s "
                        + "allowed_models"));

        // The workspace default governs a key that has no guardrail of its own.
        ActAs.caller("alice", "/orgs/org_named/admin");
        String noAnthropic = post(BASE, Map.of("name", "No Anthropic", "ignored_models", List.of("anthropic/*")))
                .statusCode(201).extract().path("data.id");
        put("/api/v1/workspaces/ws_named/default-guardrail", Map.of("guardrail_id", noAnthropic)).statusCode(200)
                .body("data.guardrail_id", equalTo(noAnthropic));
        given().get("/api/v1/workspaces/ws_named/default-guardrail").then().statusCode(200)
                .body("data.workspace_id", equalTo("ws_named")).body("data.guardrail_id", equalTo(noAnthropic));
        ActAs.caller("gateway", Caller.SERVICE);
        check("key_plain", "anthropic/claude-3.5-haiku").body("allowed", equalTo(false))
                .body("message", containsString("guardrail \"No Anthropic\"'s ignored_models"));

        ActAs.caller("alice", "/orgs/org_named/admin");
        given().delete(BASE + "/" + noAnthropic).then().statusCode(200).body("deleted", equalTo(true));
        given().get(BASE + "/" + noAnthropic).then().statusCode(404).body("error.code", equalTo(404));
        given().get("/api/v1/workspaces/ws_named/default-guardrail").then().body("data.guardrail_id", nullValue());
        ActAs.caller("gateway", Caller.SERVICE);
        check("key_plain", "anthropic/claude-3.5-haiku").body("allowed", equalTo(true));
    }

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/org_tenant_a/admin")
    void anotherOrganizationsCallersMeet404AndBillingMayOnlyRead() {
        String a = "/api/v1/organizations/org_tenant_a/named-guardrails";
        String id = post(a, Map.of("name", "A's")).statusCode(201).extract().path("data.id");

        ActAs.caller("mallory", "/orgs/org_tenant_b/admin");
        given().get(a).then().statusCode(404).body("error.code", equalTo(404));
        given().get(a + "/" + id).then().statusCode(404);
        post(a, Map.of("name", "mine now")).statusCode(404);
        String b = "/api/v1/organizations/org_tenant_b/named-guardrails";
        given().get(b + "/" + id).then().statusCode(404).body("error.message", containsString(id));
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).patch(b + "/" + id).then().statusCode(404);
        given().delete(b + "/" + id).then().statusCode(404);
        post(b + "/" + id + "/assignments/members", Map.of("member_user_ids", List.of("u"))).statusCode(404);

        ActAs.caller("carol", "/orgs/org_tenant_a/billing");
        given().get(a + "/" + id).then().statusCode(200).body("data.name", equalTo("A's"));
        post(a, Map.of("name", "billing's")).statusCode(403).body("error.code", equalTo(403));
        given().get(a).then().statusCode(200).body("total_count", equalTo(1));
    }

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/org_strict_named/admin")
    void unknownFieldsAndBadValuesAre400sNamingTheFieldAndWriteNothing() {
        String base = "/api/v1/organizations/org_strict_named/named-guardrails";
        post(base, Map.of("name", "x", "allowed_modelz", List.of("openai/*"))).statusCode(400)
                .body("error.code", equalTo(400)).body("error.metadata.field", equalTo("allowed_modelz"));
        post(base, Map.of("name", "x", "content_filters", List.of(Map.of("pattern", "a", "action", "block",
                "flags", "i")))).statusCode(400).body("error.metadata.field", equalTo("content_filters.flags"));
        post(base, Map.of("name", "x", "limit_usd", 5)).statusCode(400)
                .body("error.metadata.field", equalTo("reset_interval"));
        post(base, Map.of("name", "x", "limit_usd", 5, "reset_interval", "yearly")).statusCode(400)
                .body("error.metadata.field", equalTo("reset_interval"));
        post(base, Map.of("description", "no name")).statusCode(400).body("error.metadata.field", equalTo("name"));
        post(base, Map.of("name", "x", "content_filter_builtins", List.of(Map.of("slug", "person-name", "action",
                "block")))).statusCode(400).body("error.metadata.field", equalTo("content_filter_builtins.slug"))
                .body("error.message", containsString("named-entity recognition model"));
        post(base, Map.of("name", "x", "content_filter_builtins", List.of(Map.of("slug", "address", "action",
                "redact")))).statusCode(400).body("error.metadata.field", equalTo("content_filter_builtins.slug"));
        post(base, Map.of("name", "x", "allowed_data_regions", List.of())).statusCode(400)
                .body("error.metadata.field", equalTo("allowed_data_regions"));
        post(base, Map.of("name", "x", "allowed_data_regions", List.of("eu"))).statusCode(400)
                .body("error.metadata.field", equalTo("allowed_data_regions"))
                .body("error.message", containsString("global, europe, us"));
        post(base, Map.of("name", "x", "allowed_data_regions", "europe")).statusCode(400)
                .body("error.metadata.field", equalTo("allowed_data_regions"));
        given().get(base + "?limit=101").then().statusCode(400).body("error.metadata.field", equalTo("limit"));
        given().get(base).then().statusCode(200).body("total_count", equalTo(0));

        String id = post(base, Map.of("name", "ok", "limit_usd", 12.5, "reset_interval", "weekly",
                "include_byok_in_budgets", true, "enforce_zdr_openai", true)).statusCode(201)
                .body("data.limit_usd", equalTo(12.5f)).body("data.reset_interval", equalTo("weekly"))
                .body("data.include_byok_in_budgets", equalTo(true)).body("data.enforce_zdr_openai", equalTo(true))
                .body("data.enforce_zdr_anthropic", nullValue())
                .extract().path("data.id");
        given().contentType(ContentType.JSON).body(Map.of("workspace_id", "ws_x")).patch(base + "/" + id).then()
                .statusCode(400).body("error.metadata.field", equalTo("workspace_id"));
        post(base + "/" + id + "/assignments/keys", Map.of("key_hashes", List.of("k"), "extra", 1)).statusCode(400)
                .body("error.metadata.field", equalTo("extra"));
        post(base + "/" + id + "/assignments/keys", Map.of("key_hashes", List.of("key_nobody_knows")))
                .statusCode(404).body("error.message", containsString("key_nobody_knows"));
        given().get(base + "/" + id).then().statusCode(200).body("data.limit_usd", equalTo(12.5f));
        post(base, Map.of("name", "no-secrets", "content_filter_builtins", List.of(Map.of("slug", "secrets",
                "action", "block")))).statusCode(201).body("data.content_filter_builtins[0].slug", equalTo("secrets"))
                .body("data.content_filter_builtins[0].action", equalTo("block"))
                // Optional, never null in OpenRouter's schema (the SDK refuses a null): left out when unset.
                .body("data.content_filter_builtins[0].containsKey('label')", equalTo(false))
                .body("data.content_filter_builtins[0].containsKey('scan_scope')", equalTo(false));
    }

    private static void announce(String ws, String key, String owner) {
        announce("org_named", ws, key, owner);
    }

    static void announce(String org, String ws, String key, String owner) {
        Events.send(WorkspaceEvents.TOPIC, org, WorkspaceEvents.WORKSPACE_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.WorkspaceCreated(ws, org, "Named", ws, Instant.now()));
        Events.send(WorkspaceEvents.TOPIC, org, WorkspaceEvents.API_KEY_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.ApiKeyCreated(key, ws, org, owner, key, null, null, false, null,
                        Instant.now()));
    }

    static ValidatableResponse post(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    static ValidatableResponse put(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    /** Keys are known once their event arrives: until then an assignment is a 404 that writes nothing. */
    static ValidatableResponse postOnceKnown(String path, Map<String, ?> body) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ValidatableResponse response = post(path, body);
            int status = response.extract().statusCode();
            if (status != 404 || System.nanoTime() > deadline) {
                assertThat(status).as("POST %s once the key event arrived", path).isEqualTo(200);
                return response;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static ValidatableResponse check(String key, String model) {
        return check("org_named", "ws_named", key, model);
    }

    static ValidatableResponse check(String org, String ws, String key, String model) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organization_id", org, "workspace_id", ws, "key_id", key,
                        "models", List.of(model), "estimated_prompt_tokens", 12))
                .post("/internal/v1/checks").then().statusCode(200);
    }
}
