package dev.atrium.billing.adapter.in.rest;

import static dev.atrium.billing.ApiCalls.ledgerSize;
import static dev.atrium.billing.ApiCalls.topUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input is a 4xx in the error shape and writes nothing (issue 19, items 7 and 8). */
@QuarkusTest
@TestSecurity(user = "platform-admin-1", roles = "platform-admin")
class BadInputResourceTest {

    @Test
    void nulInAPathIdIs400NamingThePath() {
        given().urlEncodingEnabled(false).get("/api/v1/organizations/org%00x/usage").then().statusCode(400)
                .body("error.code", equalTo(400)).body("error.metadata.field", equalTo("path"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", 1, "currency", "USD", "kind", "top_up"))
                .post("/api/v1/organizations/org%00x/credits").then().statusCode(400).body("error.code", equalTo(400));
    }

    @Test
    void badCreditBodiesAre400NamingTheFieldAndBookNothing() {
        String org = "org_bad_" + UUID.randomUUID().toString().substring(0, 8);
        topUp(org, UUID.randomUUID().toString(), 5).then().statusCode(201);
        int entries = ledgerSize(org);

        topUp(org, UUID.randomUUID().toString(), new BigDecimal("1e40")).then().statusCode(400)
                .body("error.code", equalTo(400)).body("error.metadata.field", equalTo("amount"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", 1, "currency", "USD", "kind", "top_up", "note", "nul\u0000note"))
                .post("/api/v1/organizations/{org}/credits", org).then().statusCode(400)
                .body("error.metadata.field", equalTo("note"));

        assertThat(ledgerSize(org)).isEqualTo(entries);
    }
}
