package dev.atrium.workspace.adapter.in.rest;

import static dev.atrium.workspace.adapter.in.rest.ApiKeyLifecycleResourceTest.workspace;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "service-account-atrium-gateway", roles = {"platform-admin", "atrium-service"})
class WorkspaceListResourceTest {

    @Test
    void byokListShowsEveryProviderMaskedAndNeverTheSecret() {
        String ws = workspace();
        given().get("/api/v1/workspaces/{ws}/byok", ws).then().statusCode(200).body("data", empty());
        putByok(ws, "openai", "sk-proj-LISTED-secret-1111", true);
        putByok(ws, "anthropic", "sk-ant-LISTED-secret-2222", false);

        given().get("/api/v1/workspaces/{ws}/byok", ws).then().statusCode(200)
                .body("data.provider", contains("anthropic", "openai"))
                .body("data.key", contains("****2222", "****1111"))
                .body("data.is_fallback", contains(false, true))
                .body(not(containsString("LISTED")));

        given().delete("/api/v1/workspaces/{ws}/byok/{p}", ws, "openai").then().statusCode(204);
        given().get("/api/v1/workspaces/{ws}/byok", ws).then().body("data.provider", contains("anthropic"));
    }

    @Test
    void presetListShowsEachPresetAtItsLatestVersion() {
        String ws = workspace();
        given().get("/api/v1/workspaces/{ws}/presets", ws).then().statusCode(200).body("data", empty());
        putPreset(ws, "support", "Be brief.");
        putPreset(ws, "support", "Be thorough.");
        putPreset(ws, "analyst", "Cite sources.");

        given().get("/api/v1/workspaces/{ws}/presets", ws).then().statusCode(200)
                .body("data.slug", contains("analyst", "support"))
                .body("data.version", contains(1, 2))
                .body("data.reference", contains("analyst@1", "support@2"))
                .body("data[1].system_prompt", equalTo("Be thorough."));
    }

    @Test
    void listsOfAnUnknownWorkspaceAre404() {
        given().get("/api/v1/workspaces/{ws}/byok", "ws_missing").then().statusCode(404);
        given().get("/api/v1/workspaces/{ws}/presets", "ws_missing").then().statusCode(404);
    }

    private static void putByok(String ws, String provider, String key, boolean fallback) {
        given().contentType(ContentType.JSON).body(Map.of("key", key, "is_fallback", fallback))
                .put("/api/v1/workspaces/{ws}/byok/{p}", ws, provider).then().statusCode(200);
    }

    private static void putPreset(String ws, String slug, String prompt) {
        given().contentType(ContentType.JSON).body(Map.of("system_prompt", prompt, "model", "openai/gpt-4o-mini",
                "parameters", Map.of("temperature", 0.3), "locked_parameters", List.of()))
                .put("/api/v1/workspaces/{ws}/presets/{slug}", ws, slug).then().statusCode(200);
    }
}
