package dev.atrium.routing.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input is a 4xx in the error shape and writes nothing (issue 19, items 7 and 8). */
@QuarkusTest
@TestSecurity(user = "platform-admin-1", roles = "platform-admin")
class BadInputResourceTest {

    @Test
    void nulInAPathIdIs400NamingThePath() {
        given().urlEncodingEnabled(false).get("/api/v1/workspaces/ws%00x/routing").then().statusCode(400)
                .body("error.code", equalTo(400)).body("error.metadata.field", equalTo("path"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(Map.of("name", "Acme"))
                .put("/api/v1/catalog/providers/acme%00").then().statusCode(400).body("error.code", equalTo(400));
    }

    @Test
    void nulInAModelNameIs400AndNothingIsWritten() {
        String slug = "m-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("name", "Acme\u0000", "context_length", 32_000))
                .put("/api/v1/catalog/models/{author}/{slug}", "acme", slug)
                .then().statusCode(400).body("error.code", equalTo(400)).body("error.metadata.field", equalTo("name"));
        given().get("/api/v1/catalog/models/{author}/{slug}/endpoints", "acme", slug).then().statusCode(404);
    }

    @Test
    void anOverlongUriIs414InTheErrorShape() {
        given().urlEncodingEnabled(false).get("/api/v1/models/" + "m".repeat(9000)).then().statusCode(414)
                .body("error.code", equalTo(414));
    }
}
