package dev.atrium.guardrail.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 4: a user token's rights here are what workspace-service's membership record says now, not
 * the groups the token was issued with. Each test's token keeps naming the admin group for its whole life;
 * the record (a fake workspace-service) changes under it.
 */
@QuarkusTest
@TestProfile(FakeWorkspaceMembers.Profile.class)
class CurrentRightsResourceTest {

    @ConfigProperty(name = "atrium.security.management-keys.workspace-url")
    String workspace;

    @Test
    @TestSecurity(user = "dora", roles = "/orgs/org_removed/admin")
    @OidcSecurity(claims = @Claim(key = "sub", value = "dora"))
    void aRemovedAdminsStillValidTokenIsRefusedOnceASecondHasPassed() throws InterruptedException {
        record("dora", "[\"/orgs/org_removed/admin\"]");
        writeCeiling("org_removed").then().statusCode(200);
        given().get("/api/v1/organizations/org_removed/guardrails").then().statusCode(200);

        record("dora", "[]");
        long removed = System.nanoTime();
        Thread.sleep(1000);
        Response refused = writeCeiling("org_removed");
        long tookMs = (System.nanoTime() - removed) / 1_000_000;

        assertThat(refused.statusCode()).as("the same token %d ms after the removal", tookMs).isEqualTo(404);
        assertThat(refused.jsonPath().getInt("error.code")).isEqualTo(404);
        given().get("/api/v1/organizations/org_removed/guardrails").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "erin", roles = "/orgs/org_demoted/admin")
    @OidcSecurity(claims = @Claim(key = "sub", value = "erin"))
    void aDemotedAdminMayStillReadButNotWrite() throws InterruptedException {
        record("erin", "[\"/orgs/org_demoted/billing\"]");

        given().get("/api/v1/organizations/org_demoted/guardrails").then().statusCode(200)
                .body("organization_id", equalTo("org_demoted"));
        writeCeiling("org_demoted").then().statusCode(403).body("error.code", equalTo(403));
    }

    @Test
    @TestSecurity(user = "zoe", roles = "/orgs/org_zdown/admin")
    @OidcSecurity(claims = @Claim(key = "sub", value = "zoe"))
    void whenWorkspaceServiceCannotAnswerTheTokensGroupsAreNotTrusted() {
        given().body("true").put(workspace + "/fake/down").then().statusCode(204);
        try {
            writeCeiling("org_zdown").then().statusCode(503).body("error.code", equalTo(503));
        } finally {
            given().body("false").put(workspace + "/fake/down").then().statusCode(204);
        }
    }

    private void record(String user, String groupsJson) {
        given().body(groupsJson).put(workspace + "/fake/members/" + user).then().statusCode(204);
    }

    private static Response writeCeiling(String org) {
        return given().contentType(ContentType.JSON).body(Map.of("max_tokens", 100))
                .put("/api/v1/organizations/" + org + "/guardrails");
    }
}
