package dev.atrium.workspace.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.atrium.local.testing.KafkaRecords;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "service-account-atrium-gateway", roles = {"platform-admin", "atrium-service"})
class ApiKeyLifecycleResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void listingShowsPrefixAndLast4ButNeverTheSecretAndPages() {
        String ws = workspace();
        String secret = issue(ws, "one").getString("key");
        issue(ws, "two");
        issue(ws, "three");
        var first = given().get("/api/v1/workspaces/{ws}/keys?limit=2", ws).then().statusCode(200)
                .body("data", hasSize(2)).body("data[0].name", equalTo("one"))
                .body("data[0].key", nullValue()).body("data[0].last4", equalTo(secret.substring(secret.length() - 4)))
                .body("next_cursor", notNullValue()).extract().jsonPath();
        given().queryParam("cursor", first.getString("next_cursor")).get("/api/v1/workspaces/{ws}/keys", ws)
                .then().statusCode(200).body("data", hasSize(1)).body("data[0].name", equalTo("three"))
                .body("next_cursor", nullValue());
        given().get("/api/v1/workspaces/{ws}/keys?limit=abc", ws).then().statusCode(400)
                .body("error.metadata.field", equalTo("limit"));
    }

    @Test
    void disablingAKeyStopsResolutionAndEnablingRestoresIt() {
        String ws = workspace();
        var key = issue(ws, "ci");
        patch(ws, key.getString("id"), Map.of("disabled", true)).then().statusCode(200)
                .body("disabled", equalTo(true));
        resolve(key.getString("key")).then().statusCode(404);
        patch(ws, key.getString("id"), Map.of("disabled", false)).then().statusCode(200);
        resolve(key.getString("key")).then().statusCode(200).body("key_id", equalTo(key.getString("id")));
    }

    @Test
    void patchChangesLimitsAndTheEventCarriesThem() {
        String ws = workspace();
        String id = issue(ws, "ci").getString("id");
        patch(ws, id, Map.of("name", "renamed", "limit", 12.5, "limit_reset", "daily")).then().statusCode(200)
                .body("name", equalTo("renamed")).body("limit", equalTo(12.5f)).body("limit_reset", equalTo("daily"));
        given().get("/api/v1/workspaces/{ws}/keys/{key}", ws, id).then().statusCode(200)
                .body("limit_reset", equalTo("daily"));
        var records = KafkaRecords.readUntil(bootstrap(), WorkspaceEvents.TOPIC,
                r -> r.value().contains(id) && type(r).equals(WorkspaceEvents.API_KEY_UPDATED), Duration.ofSeconds(30));
        assertThat(records.get(records.size() - 1).value()).contains("\"limit\":12.5").contains("\"limit_reset\":\"daily\"");
    }

    @Test
    void badPatchIs400NamingTheFieldAndChangesNothing() {
        String ws = workspace();
        String id = issue(ws, "ci").getString("id");
        patch(ws, id, Map.of("name", "new", "limit_reset", "hourly")).then().statusCode(400)
                .body("error.metadata.field", equalTo("limit_reset"));
        patch(ws, id, Map.of("disabled", "yes")).then().statusCode(400).body("error.metadata.field", equalTo("disabled"));
        patch(ws, id, Map.of("expires_at", "2020-01-01T00:00:00Z")).then().statusCode(400)
                .body("error.metadata.field", equalTo("expires_at"));
        given().get("/api/v1/workspaces/{ws}/keys/{key}", ws, id).then().body("name", equalTo("ci"))
                .body("disabled", equalTo(false));
    }

    @Test
    void rotationReturnsANewSecretOnceAndHonoursTheGracePeriod() {
        String ws = workspace();
        var key = issue(ws, "ci");
        var rotated = given().contentType(ContentType.JSON).body(Map.of("grace_seconds", 600))
                .post("/api/v1/workspaces/{ws}/keys/{key}/rotate", ws, key.getString("id"))
                .then().statusCode(200).body("previous_valid_until", notNullValue()).extract().jsonPath();
        assertThat(rotated.getString("key")).startsWith("sk-at-v1-").isNotEqualTo(key.getString("key"));
        resolve(key.getString("key")).then().statusCode(200);
        resolve(rotated.getString("key")).then().statusCode(200);

        var again = given().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/workspaces/{ws}/keys/{key}/rotate", ws, key.getString("id"))
                .then().statusCode(200).body("previous_valid_until", nullValue()).extract().jsonPath();
        resolve(rotated.getString("key")).then().statusCode(404);
        resolve(again.getString("key")).then().statusCode(200);
    }

    @Test
    void deletedKeyStopsResolvingAndIsGoneFromTheApiAndAnnounced() {
        String ws = workspace();
        var key = issue(ws, "ci");
        String id = key.getString("id");
        given().delete("/api/v1/workspaces/{ws}/keys/{key}", ws, id).then().statusCode(204);
        resolve(key.getString("key")).then().statusCode(404);
        given().get("/api/v1/workspaces/{ws}/keys/{key}", ws, id).then().statusCode(404);
        given().get("/api/v1/workspaces/{ws}/keys", ws).then().body("data", hasSize(0));
        var records = KafkaRecords.readUntil(bootstrap(), WorkspaceEvents.TOPIC,
                r -> r.value().contains(id) && type(r).equals(WorkspaceEvents.API_KEY_REVOKED), Duration.ofSeconds(30));
        assertThat(records.get(records.size() - 1).value()).doesNotContain(key.getString("key"));
    }

    @Test
    void plaintextSecretsAreNowhereInTheDatabase() throws SQLException {
        String ws = workspace();
        var key = issue(ws, "ci");
        String rotated = given().contentType(ContentType.JSON).body(Map.of("grace_seconds", 60))
                .post("/api/v1/workspaces/{ws}/keys/{key}/rotate", ws, key.getString("id")).then().statusCode(200)
                .extract().path("key");
        for (String secret : new String[] {key.getString("key"), rotated}) {
            String body = secret.substring("sk-at-v1-".length());
            try (var c = db.getConnection(); var s = c.prepareStatement("SELECT (SELECT count(*) FROM api_key k WHERE "
                    + "k::text LIKE ?) + (SELECT count(*) FROM audit_event a WHERE a::text LIKE ?) + "
                    + "(SELECT count(*) FROM outbox_event o WHERE o::text LIKE ?)")) {
                for (int i = 1; i <= 3; i++) {
                    s.setString(i, "%" + body + "%");
                }
                try (var r = s.executeQuery()) {
                    r.next();
                    assertThat(r.getLong(1)).isZero();
                }
            }
        }
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String ws = workspace();
        given().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(300 * 1024)))
                .post("/api/v1/workspaces/{ws}/keys", ws).then().statusCode(413);
        given().get("/api/v1/workspaces/{ws}/keys", ws).then().body("data", hasSize(0));
    }

    static io.restassured.response.Response resolve(String secret) {
        return given().contentType(ContentType.JSON).body(Map.of("key", secret)).post("/internal/v1/keys/resolve");
    }

    private static io.restassured.response.Response patch(String ws, String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).patch("/api/v1/workspaces/{ws}/keys/{key}", ws, key);
    }

    static String workspace() {
        String slug = "k-" + UUID.randomUUID().toString().substring(0, 8);
        String org = given().contentType(ContentType.JSON).body(Map.of("name", "Keys", "slug", slug))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        return given().contentType(ContentType.JSON).body(Map.of("name", "Prod", "slug", "prod"))
                .post("/api/v1/organizations/{org}/workspaces", org).then().statusCode(201).extract().path("id");
    }

    static io.restassured.path.json.JsonPath issue(String ws, String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v1/workspaces/{ws}/keys", ws).then().statusCode(201).extract().jsonPath();
    }

    private static String type(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
