package dev.atrium.workspace.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.atrium.common.security.Caller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the other services authorize a user token with: the membership record, asked by services only. */
@QuarkusTest
class InternalMemberResourceTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void tenants() {
        FixedTenants.ensure(db);
    }

    @Test
    @TestSecurity(user = "service-account-atrium-guardrail", roles = Caller.SERVICE)
    void answersTheGroupsTheRecordHoldsAndNoneForAnUnknownUser() {
        given().get("/internal/v1/members/{user}/groups", "a1-member").then().statusCode(200)
                .body("user_id", equalTo("a1-member"))
                .body("groups", contains("/orgs/" + FixedTenants.ORG_A + "/workspaces/" + FixedTenants.WS_A1 + "/member"));
        given().get("/internal/v1/members/{user}/groups", "nobody-here").then().statusCode(200)
                .body("groups", empty());
    }

    @Test
    @TestSecurity(user = "org-a-admin", roles = "/orgs/org_fixedA/admin")
    void aUserMayNotAsk() {
        given().get("/internal/v1/members/{user}/groups", "a1-member").then().statusCode(403)
                .body("error.code", equalTo(403));
    }
}
