package dev.atrium.guardrail.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.atrium.common.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Bad input is a 4xx in the error shape and writes nothing (issue 19, items 7 and 8). */
@QuarkusTest
@TestSecurity(user = "ops", roles = Caller.PLATFORM_ADMIN)
class BadInputResourceTest {

    @Test
    void nulInAPathIdIs400NamingThePath() {
        given().urlEncodingEnabled(false).get("/api/v1/workspaces/ws%00x/guardrails").then().statusCode(400)
                .body("error.code", equalTo(400)).body("error.metadata.field", equalTo("path"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"max_tokens\":10}")
                .put("/api/v1/organizations/org%00x/guardrails").then().statusCode(400)
                .body("error.code", equalTo(400));
    }

    @Test
    void anAstronomicalBudgetIs400AndWritesNothing() {
        given().contentType(ContentType.JSON).body("{\"budgets\":[{\"window\":\"daily\",\"limit\":1e40}]}")
                .put("/api/v1/organizations/org_bad_input/guardrails").then().statusCode(400)
                .body("error.code", equalTo(400)).body("error.metadata.field", equalTo("budgets"));
        given().get("/api/v1/organizations/org_bad_input/guardrails").then().statusCode(200)
                .body("revision", equalTo(0));
    }

    @Test
    void oversizedHeadersAre431InTheErrorShape() {
        given().header("X-Filler", "h".repeat(20_000)).get("/api/v1/organizations/org_bad_input/guardrails")
                .then().statusCode(431).body("error.code", equalTo(431));
    }
}
