package dev.atrium.workspace.adapter.in.rest;

import static dev.atrium.workspace.adapter.in.rest.ApiKeyLifecycleResourceTest.issue;
import static dev.atrium.workspace.adapter.in.rest.ApiKeyLifecycleResourceTest.resolve;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "service-account-atrium-gateway", roles = {"platform-admin", "atrium-service"})
class WorkspaceLifecycleResourceTest {

    @Test
    void archivingAWorkspaceStopsItsKeysAtOnce() {
        String org = organization();
        String ws = createWorkspace(org, "prod").then().statusCode(201).extract().path("id");
        String secret = issue(ws, "ci").getString("key");
        resolve(secret).then().statusCode(200);
        given().delete("/api/v1/workspaces/{ws}", ws).then().statusCode(204);
        resolve(secret).then().statusCode(404);
        given().get("/api/v1/workspaces/{ws}", ws).then().statusCode(200).body("archived", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("name", "late"))
                .post("/api/v1/workspaces/{ws}/keys", ws).then().statusCode(409);
    }

    @Test
    void listingPagesAndLeavesArchivedOutUnlessAsked() {
        String org = organization();
        String a = createWorkspace(org, "a").then().extract().path("id");
        createWorkspace(org, "b");
        createWorkspace(org, "c");
        given().delete("/api/v1/workspaces/{ws}", a).then().statusCode(204);
        String cursor = given().get("/api/v1/organizations/{org}/workspaces?limit=1", org).then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].slug", equalTo("b")).body("next_cursor", notNullValue())
                .extract().path("next_cursor");
        given().queryParam("cursor", cursor).queryParam("limit", 1).get("/api/v1/organizations/{org}/workspaces", org)
                .then().body("data[0].slug", equalTo("c")).body("next_cursor", nullValue());
        given().get("/api/v1/organizations/{org}/workspaces?include_archived=true", org).then()
                .body("data", hasSize(3));
        given().queryParam("cursor", "!!not-a-cursor").get("/api/v1/organizations/{org}/workspaces", org).then().statusCode(400)
                .body("error.metadata.field", equalTo("cursor"));
    }

    @Test
    void patchChangesDefaultsAndTakesTheNextSettingsRevision() {
        String org = organization();
        var created = createWorkspace(org, "prod").then().extract().jsonPath();
        String ws = created.getString("id");
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Production");
        body.put("default_text_model", "openai/gpt-4o-mini");
        body.put("default_provider_sort", "price");
        given().contentType(ContentType.JSON).body(body).patch("/api/v1/workspaces/{ws}", ws).then().statusCode(200)
                .body("name", equalTo("Production")).body("default_provider_sort", equalTo("price"))
                .body("settings_revision", greaterThan(created.getInt("settings_revision")));
        Map<String, Object> clear = new HashMap<>();
        clear.put("default_provider_sort", null);
        given().contentType(ContentType.JSON).body(clear).patch("/api/v1/workspaces/{ws}", ws).then()
                .body("default_provider_sort", nullValue()).body("default_text_model", equalTo("openai/gpt-4o-mini"));
    }

    @Test
    void badPatchIs400NamingTheFieldAndChangesNothing() {
        String ws = createWorkspace(organization(), "prod").then().extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "default_provider_sort", "random"))
                .patch("/api/v1/workspaces/{ws}", ws).then().statusCode(400)
                .body("error.metadata.field", equalTo("default_provider_sort"));
        given().get("/api/v1/workspaces/{ws}", ws).then().body("name", equalTo("Ws"));
    }

    @Test
    void workspaceSlugIsUniquePerOrganizationOnly() {
        String org = organization();
        createWorkspace(org, "prod").then().statusCode(201);
        createWorkspace(org, "prod").then().statusCode(409).body("error.code", equalTo(409));
        createWorkspace(organization(), "prod").then().statusCode(201);
    }

    @Test
    void organizationRenameKeepsTheSlug() {
        String org = organization();
        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed")).patch("/api/v1/organizations/{org}", org)
                .then().statusCode(200).body("name", equalTo("Renamed"));
        given().contentType(ContentType.JSON).body(Map.of("name", " ")).patch("/api/v1/organizations/{org}", org)
                .then().statusCode(400).body("error.metadata.field", equalTo("name"));
        given().get("/api/v1/organizations/{org}", org).then().body("name", equalTo("Renamed"));
    }

    static String organization() {
        String slug = "w-" + UUID.randomUUID().toString().substring(0, 8);
        return given().contentType(ContentType.JSON).body(Map.of("name", "Acme", "slug", slug))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.Response createWorkspace(String org, String slug) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Ws", "slug", slug))
                .post("/api/v1/organizations/{org}/workspaces", org);
    }
}
