package dev.atrium.guardrail.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.atrium.common.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The moderation plugin's route: the check's content filters over an answer, for service callers only. */
@QuarkusTest
class ModerationResourceTest {

    @Test
    @TestSecurity(user = "gateway", roles = Caller.SERVICE)
    void anAnswerIsBlockedRedactedOrFlaggedByTheEffectiveFilters() {
        ActAs.caller("ops", Caller.PLATFORM_ADMIN);
        given().contentType(ContentType.JSON).body(Map.of("content_filters", List.of(
                        Map.of("builtin", "email", "action", "redact"),
                        Map.of("pattern", "(?i)internal only", "action", "block", "label", "confidential"),
                        Map.of("pattern", "(?i)password", "action", "flag", "label", "secrets"))))
                .put("/api/v1/organizations/org_moderation/guardrails").then().statusCode(200);
        ActAs.caller("gateway", Caller.SERVICE);

        moderate("org_moderation", "Write to jane@example.com about the password").statusCode(200)
                .body("allowed", equalTo(true)).body("status", equalTo(200)).body("message", nullValue())
                .body("redactions[0].filter", equalTo("email")).body("redactions[0].start", equalTo(9))
                .body("redactions[0].end", equalTo(25))
                .body("redactions[0].replacement", equalTo("[REDACTED:email]"))
                .body("flags", contains("secrets"));
        moderate("org_moderation", "Here it is. INTERNAL ONLY: the roadmap").statusCode(200)
                .body("allowed", equalTo(false)).body("status", equalTo(403))
                .body("message", equalTo("Response blocked by the organization's content filter confidential."))
                .body("redactions", empty());
        moderate("org_unfiltered", "INTERNAL ONLY jane@example.com").statusCode(200)
                .body("allowed", equalTo(true)).body("redactions", empty()).body("flags", empty());
    }

    @Test
    @TestSecurity(user = "gateway", roles = Caller.SERVICE)
    void aMissingTextOrTenantIsA400NamingTheField() {
        Map<String, Object> noText = new HashMap<>(Map.of("organization_id", "org_moderation", "workspace_id", "ws_m"));
        given().contentType(ContentType.JSON).body(noText).post("/internal/v1/moderations").then().statusCode(400)
                .body("error.code", equalTo(400)).body("error.metadata.field", equalTo("text"));
        given().contentType(ContentType.JSON).body(Map.of("organization_id", "org_moderation", "text", "hi"))
                .post("/internal/v1/moderations").then().statusCode(400)
                .body("error.metadata.field", equalTo("workspace_id"));
    }

    @Test
    void anonymousCallersGet401() {
        moderate("org_moderation", "hello").statusCode(401).body("error.code", equalTo(401));
    }

    @Test
    @TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
    void nonServiceCallersGet403() {
        moderate("org_moderation", "hello").statusCode(403).body("error.code", equalTo(403));
    }

    private static ValidatableResponse moderate(String org, String text) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organization_id", org, "workspace_id", "ws_m", "key_id", "key_m", "text", text))
                .post("/internal/v1/moderations").then();
    }
}
