package dev.atrium.workspace.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.atrium.local.testing.KafkaRecords;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenancyResourceTest {

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void platformAdminCreatesOrganizationWorkspaceAndKeyAndEventsReachKafka() {
        String org = createOrganization();
        String ws = given().contentType(ContentType.JSON).body(Map.of("name", "Prod", "slug", "prod"))
                .post("/api/v1/organizations/{org}/workspaces", org)
                .then().statusCode(201).body("organization_id", equalTo(org)).body("slug", equalTo("prod"))
                .extract().path("id");
        var key = given().contentType(ContentType.JSON)
                .body(Map.of("name", "ci", "limit", 5, "limit_reset", "monthly"))
                .post("/api/v1/workspaces/{ws}/keys", ws)
                .then().statusCode(201)
                .body("key", startsWith("sk-at-v1-")).body("limit", equalTo(5))
                .body("owner_user_id", equalTo("platform-admin-1"))
                .extract().jsonPath();
        assertThat(key.getString("prefix")).isEqualTo(key.getString("key").substring(0, 12));

        var records = KafkaRecords.readUntil(bootstrap(), WorkspaceEvents.TOPIC,
                r -> r.value().contains(key.getString("id")), Duration.ofSeconds(30));
        var last = records.get(records.size() - 1);
        assertThat(last.key()).isEqualTo(org);
        assertThat(new String(last.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(WorkspaceEvents.API_KEY_CREATED);
        assertThat(last.value()).doesNotContain(key.getString("key"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void invalidSlugIsA400NamingTheFieldAndWritesNothing() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Bad", "slug", "Not A Slug"))
                .post("/api/v1/organizations")
                .then().statusCode(400)
                .body("error.code", equalTo(400)).body("error.metadata.field", equalTo("slug"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void duplicateOrganizationSlugIsAConflict() {
        String slug = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("name", "One", "slug", slug))
                .post("/api/v1/organizations").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("name", "Two", "slug", slug))
                .post("/api/v1/organizations").then().statusCode(409).body("error.code", equalTo(409));
    }

    @Test
    void anonymousCallerGets401InTheErrorShape() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Acme", "slug", "acme-anon"))
                .post("/api/v1/organizations")
                .then().statusCode(401).body("error.code", equalTo(401));
    }

    @Test
    @TestSecurity(user = "someone", roles = "/orgs/org_other/admin")
    void organizationOutsideTheCallersTenantsIsNotFound() {
        given().get("/api/v1/organizations/{org}", "org_unknown").then().statusCode(404)
                .body("error.code", equalTo(404));
    }

    @Test
    @TestSecurity(user = "someone", roles = "/orgs/org_other/admin")
    void onlyPlatformAdminsCreateOrganizations() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Acme", "slug", "acme-forbidden"))
                .post("/api/v1/organizations")
                .then().statusCode(403).body("error.code", equalTo(403));
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void unknownKeyDoesNotResolve() {
        given().contentType(ContentType.JSON).body(Map.of("key", "sk-at-v1-unknown"))
                .post("/internal/v1/keys/resolve")
                .then().statusCode(404).body("error.code", equalTo(404));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void internalResolutionRefusesNonServiceCallers() {
        given().contentType(ContentType.JSON).body(Map.of("key", "sk-at-v1-unknown"))
                .post("/internal/v1/keys/resolve")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "service-account-atrium-billing", roles = "atrium-service")
    void anotherServiceCannotResolveKeys() {
        given().contentType(ContentType.JSON).body(Map.of("key", "sk-at-v1-unknown"))
                .post("/internal/v1/keys/resolve")
                .then().statusCode(403).body("error.code", equalTo(403))
                .body("error.message", equalTo("Only the gateway's service account resolves API keys"));
    }

    private static String createOrganization() {
        String slug = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        return given().contentType(ContentType.JSON).body(Map.of("name", "Acme", "slug", slug))
                .post("/api/v1/organizations")
                .then().statusCode(201).body("slug", equalTo(slug)).extract().path("id");
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
