package dev.atrium.guardrail.adapter.in.rest;

import static dev.atrium.guardrail.adapter.in.rest.NamedGuardrailResourceTest.announce;
import static dev.atrium.guardrail.adapter.in.rest.NamedGuardrailResourceTest.check;
import static dev.atrium.guardrail.adapter.in.rest.NamedGuardrailResourceTest.post;
import static dev.atrium.guardrail.adapter.in.rest.NamedGuardrailResourceTest.postOnceKnown;
import static dev.atrium.guardrail.adapter.in.rest.NamedGuardrailResourceTest.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.TestCredits;
import dev.atrium.guardrail.TestPrices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * allowed_data_regions on a named guardrail and on the level policies: stored and read back, intersected with the
 * organization ceiling like allowed_providers, named where it decides, and handed to the gateway in the check's
 * constraints.
 */
@QuarkusTest
class DataRegionGuardrailResourceTest {

    private static final String ORG = "org_regions";
    private static final String BASE = "/api/v1/organizations/" + ORG + "/named-guardrails";

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/org_regions/admin")
    void aGuardrailsRegionsNarrowTheCeilingsAndReachTheGatewayAsConstraints() {
        TestCredits.grant(ORG);
        TestPrices.known("openai/gpt-4o-mini");
        announce(ORG, "ws_regions", "key_eu", "bob");
        announce(ORG, "ws_regions", "key_plain", "carol");

        ActAs.caller("ops", Caller.PLATFORM_ADMIN);
        put("/api/v1/organizations/" + ORG + "/guardrails", Map.of("allowed_data_regions", List.of("europe", "us")))
                .statusCode(200).body("policy.allowed_data_regions", contains("europe", "us"));
        ActAs.caller("alice", "/orgs/org_regions/admin");
        String id = post(BASE, Map.of("name", "EU or anywhere", "allowed_data_regions", List.of("europe", "global")))
                .statusCode(201).body("data.allowed_data_regions", contains("europe", "global"))
                .extract().path("data.id");
        given().get(BASE + "/" + id).then().statusCode(200)
                .body("data.allowed_data_regions", contains("europe", "global"));
        postOnceKnown(BASE + "/" + id + "/assignments/keys", Map.of("key_hashes", List.of("key_eu")));

        // The intersection: global is outside the ceiling, us outside the guardrail; both decided.
        given().get("/api/v1/workspaces/ws_regions/guardrails/effective?key=key_eu").then().statusCode(200)
                .body("policy.allowed_data_regions", contains("europe"))
                .body("decided_by.allowed_data_regions", contains("organization", "guardrail:" + id))
                .body("overridden.find { it.field == 'allowed_data_regions' }.requested",
                        contains("europe", "global"))
                .body("overridden.find { it.field == 'allowed_data_regions' }.applied", contains("europe"));

        ActAs.caller("gateway", Caller.SERVICE);
        check(ORG, "ws_regions", "key_eu", "openai/gpt-4o-mini").body("allowed", equalTo(true))
                .body("constraints.allowed_data_regions", contains("europe"));
        check(ORG, "ws_regions", "key_plain", "openai/gpt-4o-mini").body("allowed", equalTo(true))
                .body("constraints.allowed_data_regions", containsInAnyOrder("europe", "us"));
        // The gateway's GET /api/v1/key: the same merge, as OpenRouter's allowed_data_regions.
        dataRegions(ORG, "ws_regions", "key_eu").statusCode(200).body("key_id", equalTo("key_eu"))
                .body("allowed_data_regions", contains("europe"));
        dataRegions(ORG, "ws_regions", "key_plain").statusCode(200)
                .body("allowed_data_regions", contains("europe", "us"));
        dataRegions("org_regions_free", "ws_free", "key_free").statusCode(200)
                .body("allowed_data_regions", contains("global", "europe", "us"));
        given().get("/internal/v1/keys/key_eu/data-regions?workspace=ws_regions").then().statusCode(400)
                .body("error.metadata.field", equalTo("organization"));

        // Nothing in common with the ceiling: refused as a provider allow-list with nothing in common is.
        ActAs.caller("alice", "/orgs/org_regions/admin");
        given().contentType(ContentType.JSON).body(Map.of("allowed_data_regions", List.of("global")))
                .patch(BASE + "/" + id).then().statusCode(200).body("data.allowed_data_regions", contains("global"));
        ActAs.caller("gateway", Caller.SERVICE);
        check(ORG, "ws_regions", "key_eu", "openai/gpt-4o-mini").body("allowed", equalTo(false))
                .body("status", equalTo(403))
                .body("message", equalTo("No data region is allowed: the allowed_data_regions of the organization"
                        + " and the guardrail \"EU or anywhere\" have nothing in common"));
        dataRegions(ORG, "ws_regions", "key_eu").statusCode(200).body("allowed_data_regions", empty());
        ActAs.caller("alice", "/orgs/org_regions/admin");
        given().get("/api/v1/workspaces/ws_regions/guardrails/effective?key=key_eu").then().statusCode(200)
                .body("policy.allowed_data_regions", empty());
    }

    private static io.restassured.response.ValidatableResponse dataRegions(String org, String ws, String key) {
        return given().queryParam("organization", org).queryParam("workspace", ws)
                .get("/internal/v1/keys/" + key + "/data-regions").then();
    }

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void aLevelPolicyTakesOnlyOpenRoutersRegions() {
        put("/api/v1/organizations/org_regions_strict/guardrails", Map.of("allowed_data_regions", List.of("eu")))
                .statusCode(400).body("error.metadata.field", equalTo("allowed_data_regions"))
                .body("error.message", containsString("global, europe, us"));
        put("/api/v1/organizations/org_regions_strict/guardrails", Map.of("allowed_data_regions", "us"))
                .statusCode(400).body("error.metadata.field", equalTo("allowed_data_regions"));
        given().get("/api/v1/organizations/org_regions_strict/guardrails").then().statusCode(200)
                .body("revision", equalTo(0));
    }
}
