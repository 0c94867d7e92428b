package dev.atrium.workspace.adapter.in.rest;

import static dev.atrium.workspace.adapter.in.rest.ApiKeyLifecycleResourceTest.issue;
import static dev.atrium.workspace.adapter.in.rest.ApiKeyLifecycleResourceTest.resolve;
import static dev.atrium.workspace.adapter.in.rest.ApiKeyLifecycleResourceTest.workspace;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "service-account-atrium-gateway", roles = {"platform-admin", "atrium-service"})
class WorkspaceSettingsResourceTest {

    private static final String SECRET = "sk-proj-PLAINTEXT-never-stored-9876";

    @Inject
    AgroalDataSource db;

    @Test
    void byokKeyIsWriteOnlyMaskedOnReadEncryptedAtRestAndDecryptedForTheGateway() throws SQLException {
        String ws = workspace();
        given().contentType(ContentType.JSON)
                .body(Map.of("key", SECRET, "is_fallback", true, "allowed_models", List.of("openai/gpt-4o-mini")))
                .put("/api/v1/workspaces/{ws}/byok/{p}", ws, "openai").then().statusCode(200)
                .body("key", equalTo("****9876")).body("is_fallback", equalTo(true));
        given().get("/api/v1/workspaces/{ws}/byok/{p}", ws, "openai").then().statusCode(200)
                .body("key", equalTo("****9876")).body("allowed_models", contains("openai/gpt-4o-mini"));
        given().get("/internal/v1/workspaces/{ws}/byok/{p}", ws, "openai").then().statusCode(200)
                .body("key", equalTo(SECRET)).body("is_fallback", equalTo(true));
        assertThat(count("SELECT count(*) FROM byok_credential WHERE ciphertext LIKE ? OR last4 LIKE ?",
                "%PLAINTEXT%")).isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE after_state LIKE ? OR before_state LIKE ?",
                "%PLAINTEXT%")).isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE ? OR payload LIKE ?", "%PLAINTEXT%"))
                .isZero();

        given().delete("/api/v1/workspaces/{ws}/byok/{p}", ws, "openai").then().statusCode(204);
        given().get("/api/v1/workspaces/{ws}/byok/{p}", ws, "openai").then().statusCode(404);
    }

    @Test
    void badByokInputIs400NamingTheFieldAndWritesNothing() {
        String ws = workspace();
        given().contentType(ContentType.JSON).body(Map.of("is_fallback", true))
                .put("/api/v1/workspaces/{ws}/byok/{p}", ws, "openai").then().statusCode(400)
                .body("error.metadata.field", equalTo("key"));
        given().contentType(ContentType.JSON).body(Map.of("key", SECRET, "allowed_models", List.of("gpt")))
                .put("/api/v1/workspaces/{ws}/byok/{p}", ws, "openai").then().statusCode(400)
                .body("error.metadata.field", equalTo("allowed_models"));
        given().contentType(ContentType.JSON).body(Map.of("key", SECRET))
                .put("/api/v1/workspaces/{ws}/byok/{p}", ws, "Not_A_Provider").then().statusCode(400)
                .body("error.metadata.field", equalTo("provider"));
        given().get("/api/v1/workspaces/{ws}/byok/{p}", ws, "openai").then().statusCode(404);
    }

    @Test
    void presetsVersionOnEveryPutAndResolveAsSlugOrSlugAtVersion() {
        String ws = workspace();
        putPreset(ws, "Be brief.", 0.2).then().statusCode(200).body("version", equalTo(1))
                .body("reference", equalTo("support@1"));
        putPreset(ws, "Be thorough.", 0.7).then().statusCode(200).body("version", equalTo(2));
        given().get("/api/v1/workspaces/{ws}/presets/support", ws).then().statusCode(200)
                .body("system_prompt", equalTo("Be thorough.")).body("locked_parameters", contains("temperature"));
        given().get("/api/v1/workspaces/{ws}/presets/support@1", ws).then().statusCode(200)
                .body("system_prompt", equalTo("Be brief.")).body("parameters.temperature", equalTo(0.2f));
        given().get("/api/v1/workspaces/{ws}/presets/support/versions?limit=1", ws).then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].version", equalTo(2));
        given().contentType(ContentType.JSON).body(Map.of("parameters", Map.of("temperature", 5)))
                .put("/api/v1/workspaces/{ws}/presets/support", ws).then().statusCode(400)
                .body("error.metadata.field", equalTo("parameters.temperature"));
        given().get("/api/v1/workspaces/{ws}/presets/support/versions", ws).then().body("data", hasSize(2));
        given().get("/internal/v1/workspaces/{ws}/presets/{ref}", ws, "support").then().statusCode(200)
                .body("version", equalTo(2)).body("system_prompt", equalTo("Be thorough."))
                .body("model", equalTo("openai/gpt-4o-mini")).body("locked_parameters", contains("temperature"));
        given().get("/internal/v1/workspaces/{ws}/presets/{ref}", ws, "support@1").then().statusCode(200)
                .body("version", equalTo(1)).body("parameters.temperature", equalTo(0.2f));
        given().get("/internal/v1/workspaces/{ws}/presets/{ref}", ws, "support@9").then().statusCode(404);
        given().get("/internal/v1/workspaces/{ws}/presets/{ref}", ws, "other").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "someone", roles = "platform-admin")
    void onlyServiceAccountsReadPresetDefinitions() {
        given().get("/internal/v1/workspaces/{ws}/presets/{ref}", "ws_any", "support").then().statusCode(403);
    }

    @Test
    void resolutionCarriesProvidersPresetIndexPluginsAndObservabilityWithoutSecrets() {
        String ws = workspace();
        String secret = issue(ws, "ci").getString("key");
        int before = resolve(secret).then().statusCode(200).extract().path("settings_revision");
        given().contentType(ContentType.JSON).body(Map.of("key", SECRET, "is_fallback", false))
                .put("/api/v1/workspaces/{ws}/byok/{p}", ws, "anthropic").then().statusCode(200);
        putPreset(ws, "Hi", 0.1).then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("plugins", List.of(Map.of("id", "context-compression", "enabled", true, "locked", true,
                        "options", Map.of("max_results", 3)))))
                .put("/api/v1/workspaces/{ws}/plugins", ws).then().statusCode(200)
                .body("plugins[0].locked", equalTo(true));
        given().contentType(ContentType.JSON)
                .body(Map.of("destinations", List.of(Map.of("type", "webhook", "endpoint", "https://hooks.example.com/t",
                        "headers", Map.of("Authorization", "Bearer obs-secret-123"), "sampling_rate", 0.25,
                        "privacy_mode", true))))
                .put("/api/v1/workspaces/{ws}/observability", ws).then().statusCode(200)
                .body("destinations[0].headers.Authorization", equalTo("****"));
        given().get("/api/v1/workspaces/{ws}/observability", ws).then()
                .body("destinations[0].headers.Authorization", equalTo("****"))
                .body("destinations[0].sampling_rate", equalTo(0.25f));

        String body = resolve(secret).then().statusCode(200)
                .body("settings_revision", equalTo(before + 4))
                .body("byok_providers[0].provider", equalTo("anthropic"))
                .body("presets.support", equalTo(1))
                .body("plugins[0].id", equalTo("context-compression"))
                .body("observability[0].privacy_mode", equalTo(true))
                .extract().asString();
        assertThat(body).doesNotContain(SECRET).doesNotContain("obs-secret-123");
        given().get("/internal/v1/workspaces/{ws}/observability", ws).then().statusCode(200)
                .body("destinations[0].headers.Authorization", equalTo("Bearer obs-secret-123"))
                .body("destinations[0].endpoint", equalTo("https://hooks.example.com/t"));
    }

    @Test
    void unknownPluginAndBadDestinationAre400AndWriteNothing() {
        String ws = workspace();
        given().contentType(ContentType.JSON).body(Map.of("plugins", List.of(Map.of("id", "teleport"))))
                .put("/api/v1/workspaces/{ws}/plugins", ws).then().statusCode(400)
                .body("error.metadata.field", equalTo("plugins.id"));
        given().contentType(ContentType.JSON)
                .body(Map.of("destinations", List.of(Map.of("type", "otlp", "endpoint", "ftp://x"))))
                .put("/api/v1/workspaces/{ws}/observability", ws).then().statusCode(400)
                .body("error.metadata.field", equalTo("destinations[0].endpoint"));
        given().get("/api/v1/workspaces/{ws}/plugins", ws).then().body("plugins", hasSize(0));
        given().get("/api/v1/workspaces/{ws}/observability", ws).then().body("destinations", hasSize(0));
    }

    @Test
    void destinationsThatWouldReachInsideThePlatformAre400NamingTheFieldAndWriteNothing() {
        String ws = workspace();
        Map<String, Object> good = Map.of("type", "webhook", "endpoint", "https://hooks.example.com/ok");
        for (String endpoint : List.of("http://hooks.example.com/plain-http", "https://127.0.0.1:9081/q/health",
                "https://169.254.169.254/latest/meta-data/", "https://10.0.0.5/", "https://192.168.1.1/",
                "https://100.64.0.1/", "https://[::1]/", "https://[fd00:ec2::254]/", "https://[::ffff:127.0.0.1]/",
                "https://0x7f.0.0.1/", "https://0177.0.0.1/", "https://127.1/", "https://localhost:9081/",
                "https://0.0.0.0/", "https://224.0.0.1/")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("destinations", List.of(good, Map.of("type", "otlp", "endpoint", endpoint))))
                    .put("/api/v1/workspaces/{ws}/observability", ws).then().statusCode(400)
                    .body("error.code", equalTo(400))
                    .body("error.metadata.field", equalTo("destinations[1].endpoint"));
        }
        for (Map<String, String> headers : List.of(Map.of("X-Hook", "a\r\nX-Injected: 1"), Map.of("X-Hook", "a\nb"),
                Map.of("X-Hook", "a\u0000b"), Map.of("X Hook", "v"), Map.of("X-Hook\r\n", "v"),
                Map.of("X-Hook", "x".repeat(4097)))) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("destinations", List.of(Map.of("type", "webhook",
                            "endpoint", "https://hooks.example.com/h", "headers", headers))))
                    .put("/api/v1/workspaces/{ws}/observability", ws).then().statusCode(400)
                    .body("error.metadata.field", equalTo("destinations[0].headers"));
        }
        given().get("/api/v1/workspaces/{ws}/observability", ws).then().body("destinations", hasSize(0));
        String org = given().get("/api/v1/workspaces/{ws}", ws).then().extract().path("organization_id");
        given().get("/api/v1/organizations/{org}/audit", org).then().statusCode(200)
                .body("data.action", contains("workspace.created", "organization.created"));
    }

    @Test
    void aFailingDestinationShowsItsLastErrorAndLaterItsLastSuccess() {
        String ws = workspace();
        given().contentType(ContentType.JSON)
                .body(Map.of("destinations", List.of(Map.of("type", "webhook", "endpoint", "https://hooks.example.com/h"),
                        Map.of("type", "otlp", "endpoint", "https://otel.example.com"))))
                .put("/api/v1/workspaces/{ws}/observability", ws).then().statusCode(200)
                .body("destinations[0].last_error", equalTo(null));
        given().contentType(ContentType.JSON).body(Map.of("endpoint", "https://hooks.example.com/h",
                        "delivered", false, "error", "HTTP 503", "at", "2026-12-06T10:00:00Z"))
                .post("/internal/v1/workspaces/{ws}/observability/status", ws).then().statusCode(204);
        // An older report arriving late changes nothing; a destination the workspace lacks is ignored.
        given().contentType(ContentType.JSON).body(Map.of("endpoint", "https://hooks.example.com/h",
                        "delivered", false, "error", "unreachable: old", "at", "2026-12-06T09:00:00Z"))
                .post("/internal/v1/workspaces/{ws}/observability/status", ws).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("endpoint", "https://elsewhere.example.com/",
                        "delivered", false, "error", "HTTP 500", "at", "2026-12-06T10:00:00Z"))
                .post("/internal/v1/workspaces/{ws}/observability/status", ws).then().statusCode(204);

        given().get("/api/v1/workspaces/{ws}/observability", ws).then().statusCode(200)
                .body("destinations", hasSize(2))
                .body("destinations[0].last_error", equalTo("HTTP 503"))
                .body("destinations[0].last_error_at", equalTo("2026-12-06T10:00:00Z"))
                .body("destinations[0].last_success_at", equalTo(null))
                .body("destinations[1].last_error", equalTo(null));

        given().contentType(ContentType.JSON).body(Map.of("endpoint", "https://hooks.example.com/h",
                        "delivered", true, "at", "2026-12-06T10:05:00Z"))
                .post("/internal/v1/workspaces/{ws}/observability/status", ws).then().statusCode(204);
        given().get("/api/v1/workspaces/{ws}/observability", ws).then().statusCode(200)
                .body("destinations[0].last_success_at", equalTo("2026-12-06T10:05:00Z"))
                .body("destinations[0].last_error", equalTo("HTTP 503"));
    }

    @Test
    void pluginsTheGatewayRefusesAre400NamingThePluginAndWriteNothing() {
        String ws = workspace();
        for (String plugin : List.of("web", "file-parser")) {
            given().contentType(ContentType.JSON).body(Map.of("plugins", List.of(Map.of("id", plugin, "enabled", true))))
                    .put("/api/v1/workspaces/{ws}/plugins", ws).then().statusCode(400)
                    .body("error.metadata.field", equalTo("plugins.id"))
                    .body("error.message", containsString("plugin " + plugin + " is not implemented"));
        }
        given().get("/api/v1/workspaces/{ws}/plugins", ws).then().body("plugins", hasSize(0));
    }

    @Test
    void unknownFieldsInManagementBodiesAre400NamingThemAndWriteNothing() {
        String ws = workspace();
        // What a client generated from a camelCase document sends: once silently a preset with no prompt.
        given().contentType(ContentType.JSON).body(Map.of("systemPrompt", "Be brief.", "model", "openai/gpt-4o-mini"))
                .put("/api/v1/workspaces/{ws}/presets/support", ws).then().statusCode(400)
                .body("error.code", equalTo(400))
                .body("error.message", equalTo("Unknown field systemPrompt"))
                .body("error.metadata.field", equalTo("systemPrompt"));
        given().get("/api/v1/workspaces/{ws}/presets/support", ws).then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("name", "ci", "limit", 5, "limitReset", "daily"))
                .post("/api/v1/workspaces/{ws}/keys", ws).then().statusCode(400)
                .body("error.metadata.field", equalTo("limitReset"));
        given().get("/api/v1/workspaces/{ws}/keys", ws).then().statusCode(200).body("data", hasSize(0));
        String keyId = issue(ws, "ci").getString("id");
        given().contentType(ContentType.JSON).body(Map.of("disabled", true, "expiresAt", "2027-01-01T00:00:00Z"))
                .patch("/api/v1/workspaces/{ws}/keys/{key}", ws, keyId).then().statusCode(400)
                .body("error.metadata.field", equalTo("expiresAt"));
        given().get("/api/v1/workspaces/{ws}/keys/{key}", ws, keyId).then().statusCode(200)
                .body("disabled", equalTo(false));

        given().contentType(ContentType.JSON)
                .body(Map.of("plugins", List.of(Map.of("id", "moderation", "enabled", true, "mode", "strict"))))
                .put("/api/v1/workspaces/{ws}/plugins", ws).then().statusCode(400)
                .body("error.metadata.field", equalTo("plugins.mode"));
        given().get("/api/v1/workspaces/{ws}/plugins", ws).then().body("plugins", hasSize(0));
    }

    @Test
    void internalRoutesKeepIgnoringUnknownFields() {
        String ws = workspace();
        String secret = issue(ws, "ci").getString("key");
        given().contentType(ContentType.JSON).body(Map.of("key", secret, "added_by_a_newer_gateway", true))
                .post("/internal/v1/keys/resolve").then().statusCode(200).body("workspace_id", equalTo(ws));
    }

    @Test
    void everyManagementWriteLeavesAnAuditRowNewestFirst() {
        String ws = workspace();
        String org = given().get("/api/v1/workspaces/{ws}", ws).then().extract().path("organization_id");
        String keyId = issue(ws, "ci").getString("id");
        given().delete("/api/v1/workspaces/{ws}/keys/{key}", ws, keyId).then().statusCode(204);
        given().get("/api/v1/organizations/{org}/audit", org).then().statusCode(200)
                .body("data.action", contains("api_key.revoked", "api_key.created", "workspace.created",
                        "organization.created"))
                .body("data[0].actor", equalTo("service-account-atrium-gateway"))
                .body("data[0].target_id", equalTo(keyId))
                .body("data[0].before.disabled", equalTo(false));
        given().get("/api/v1/organizations/{org}/audit?action=api_key.created&limit=1", org).then()
                .body("data", hasSize(1)).body("data[0].target_id", equalTo(keyId));
    }

    @Test
    @TestSecurity(user = "service-account-atrium-billing", roles = "atrium-service")
    void otherServicesCannotReadByokSecretsOrObservabilityHeaders() {
        given().get("/internal/v1/workspaces/{ws}/byok/{p}", "ws_any", "openai").then().statusCode(403);
        given().get("/internal/v1/workspaces/{ws}/observability", "ws_any").then().statusCode(403);
    }

    private static io.restassured.response.Response putPreset(String ws, String prompt, double temperature) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("system_prompt", prompt, "model", "openai/gpt-4o-mini",
                        "parameters", Map.of("temperature", temperature, "max_tokens", 256),
                        "locked_parameters", List.of("temperature")))
                .put("/api/v1/workspaces/{ws}/presets/support", ws);
    }

    private long count(String sql, String pattern) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, pattern);
            s.setString(2, pattern);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
