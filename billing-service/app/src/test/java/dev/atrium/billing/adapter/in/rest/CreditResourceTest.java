package dev.atrium.billing.adapter.in.rest;

import static dev.atrium.billing.ApiCalls.balance;
import static dev.atrium.billing.ApiCalls.ledgerSize;
import static dev.atrium.billing.ApiCalls.read;
import static dev.atrium.billing.ApiCalls.topUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CreditResourceTest {

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void topUpOfAnUnknownOrganizationOpensItsAccountsAndAnswers201() {
        String org = org();
        Response created = topUp(org, key(), 100);

        created.then().statusCode(201).body("organization_id", equalTo(org)).body("currency", equalTo("USD"))
                .body("kind", equalTo("top_up")).body("note", equalTo("test"));
        JsonNode body = read(created.asString());
        assertThat(body.get("id").asText()).startsWith("cr_");
        assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("100");
        assertThat(body.get("balance").decimalValue()).isEqualByComparingTo("100");
        assertThat(body.get("created_at").asText()).endsWith("Z");
        assertThat(balance(org)).isEqualByComparingTo("100");

        JsonNode entries = read(given().get("/api/v1/organizations/{org}/ledger", org).then().statusCode(200)
                .extract().asString()).get("data");
        assertThat(entries).hasSize(2);
        assertThat(entries.findValuesAsText("account")).containsExactlyInAnyOrder("credits", "funding");
        assertThat(entries.findValuesAsText("direction")).containsExactlyInAnyOrder("credit", "debit");
        assertThat(entries.findValuesAsText("reference")).containsOnly(body.get("id").asText());
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void sameKeyAndSameBodyReplaysTheFirstAnswerAndBooksOnce() {
        String org = org();
        String key = key();
        Response first = topUp(org, key, 100);
        Response second = topUp(org, key, 100);

        first.then().statusCode(201);
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(balance(org)).isEqualByComparingTo("100");
        assertThat(ledgerSize(org)).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void sameKeyWithAnotherBodyIs422AndBooksNothing() {
        String org = org();
        String key = key();
        topUp(org, key, 100).then().statusCode(201);

        topUp(org, key, 101).then().statusCode(422).body("error.code", equalTo(422))
                .body("error.metadata.field", equalTo("Idempotency-Key"));
        assertThat(balance(org)).isEqualByComparingTo("100");
        assertThat(ledgerSize(org)).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void missingIdempotencyKeyIs400NamingTheHeaderAndBooksNothing() {
        String org = org();
        topUp(org, key(), 5).then().statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("amount", 1, "currency", "USD", "kind", "grant"))
                .post("/api/v1/organizations/{org}/credits", org)
                .then().statusCode(400).body("error.code", equalTo(400))
                .body("error.metadata.field", equalTo("Idempotency-Key"));
        assertThat(balance(org)).isEqualByComparingTo("5");
        assertThat(ledgerSize(org)).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void badInputIs400NamingTheFieldAndBooksNothing() {
        String org = org();
        topUp(org, key(), 5).then().statusCode(201);

        assertRejected(org, body(0, "USD", "top_up"), "amount");
        assertRejected(org, body(-3, "USD", "top_up"), "amount");
        assertRejected(org, body("lots", "USD", "top_up"), "amount");
        assertRejected(org, body(null, "USD", "top_up"), "amount");
        assertRejected(org, body(0.00000000001, "USD", "top_up"), "amount");
        assertRejected(org, body(1, "EUR", "top_up"), "currency");
        assertRejected(org, body(1, "USD", "gift"), "kind");
        assertThat(balance(org)).isEqualByComparingTo("5");
        assertThat(ledgerSize(org)).isEqualTo(2);

        String key = key();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"amount\":")
                .post("/api/v1/organizations/{org}/credits", org).then().statusCode(400);
        // A rejected request does not take its key.
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(2, "USD", "grant"))
                .post("/api/v1/organizations/{org}/credits", org).then().statusCode(201);
        assertThat(balance(org)).isEqualByComparingTo("7");
    }

    @Test
    @TestSecurity(user = "org-admin", roles = "/orgs/org_credit_admin/admin")
    void organizationAdminsCannotAddCredits() {
        topUp("org_credit_admin", key(), 100).then().statusCode(403).body("error.code", equalTo(403));
    }

    @Test
    void anonymousCallerGets401() {
        topUp(org(), key(), 100).then().statusCode(401).body("error.code", equalTo(401));
    }

    private static void assertRejected(String org, Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).header("Idempotency-Key", key()).body(body)
                .post("/api/v1/organizations/{org}/credits", org)
                .then().statusCode(400).body("error.code", equalTo(400)).body("error.metadata.field", equalTo(field));
    }

    private static Map<String, Object> body(Object amount, String currency, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("kind", kind);
        return body;
    }

    private static String org() {
        return "org_credit_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
