package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Content filters through the launched stack (docs/security.md, "Content filters"): every message form is
 * scanned, a scan that once gave up now blocks, and a redaction in an array part reaches the provider.
 */
class ContentFilterSystemTest {

    private static final String SSN = "123-45-6789";

    @Test
    void anSsnInAnArrayContentPartIsRefusedStreamedOrNot() {
        Ports ports = SharedStack.ports();
        Tenants.Tenant tenant = tenantWithWorkspaceFilters("array-ssn",
                List.of(Map.of("builtin", "ssn", "action", "block")));
        List<Map<String, Object>> arrayForm = List.of(Map.of("role", "user",
                "content", List.of(Map.of("type", "text", "text", "my ssn is " + SSN))));

        Response plain = chat(ports, tenant.apiKey(), arrayForm, false);
        Response streamed = chat(ports, tenant.apiKey(), arrayForm, true);
        Response stringForm = chat(ports, tenant.apiKey(),
                List.of(Map.of("role", "user", "content", "my ssn is " + SSN)), false);

        for (Response refused : List.of(plain, streamed, stringForm)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.jsonPath().getString("error.message"))
                    .isEqualTo("Request blocked by the workspace's content filter ssn.");
        }
        // Without the number the same array form goes through: the filter, not the form, refused it.
        chat(ports, tenant.apiKey(), List.of(Map.of("role", "user",
                "content", List.of(Map.of("type", "text", "text", "my ssn is on file")))), false)
                .then().statusCode(200);
    }

    @Test
    void aLongRunBeforeTheSecretIsStillBlocked() {
        Ports ports = SharedStack.ports();
        Tenants.Tenant tenant = tenantWithWorkspaceFilters("long-secret",
                List.of(Map.of("pattern", "secret.*key", "action", "block", "label", "secrets")));

        Response shortOne = chat(ports, tenant.apiKey(),
                List.of(Map.of("role", "user", "content", "the secret key is 42")), false);
        Response longOne = chat(ports, tenant.apiKey(),
                List.of(Map.of("role", "user", "content", "secret ".repeat(1000) + "\nthe secret key is 42")), false);

        for (Response refused : List.of(shortOne, longOne)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.jsonPath().getString("error.message"))
                    .isEqualTo("Request blocked by the workspace's content filter secrets.");
        }
    }

    @Test
    void aRedactedArrayPartReachesTheProviderRedacted() {
        Ports ports = SharedStack.ports();
        Tenants.Tenant tenant = tenantWithWorkspaceFilters("array-redact",
                List.of(Map.of("builtin", "ssn", "action", "redact")));

        Response answer = chat(ports, tenant.apiKey(), List.of(Map.of("role", "user",
                "content", List.of(Map.of("type", "text", "text", "my ssn is " + SSN + " ok")))), false);

        answer.then().statusCode(200);
        // The simulator echoes the first words of the last user message it received.
        assertThat(answer.jsonPath().getString("choices[0].message.content"))
                .contains("to: my ssn is [REDACTED:ssn] ok").doesNotContain(SSN);
    }

    @Test
    void aPatternTheLinearEngineCannotRunIsRefusedWhenSaved() {
        Ports ports = SharedStack.ports();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Tenants.Tenant tenant = Tenants.create(admin, "backreference");

        Response refused = putWorkspaceFilters(admin, ports, tenant.workspaceId(),
                List.of(Map.of("pattern", "(a+)\\1", "action", "block")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("error.metadata.field")).isEqualTo("content_filters.pattern");
        assertThat(refused.jsonPath().getString("error.message")).contains("a back-reference (\\1)");
    }

    private static Tenants.Tenant tenantWithWorkspaceFilters(String name, List<Map<String, Object>> filters) {
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        Tenants.Tenant tenant = Tenants.create(admin, name);
        putWorkspaceFilters(admin, SharedStack.ports(), tenant.workspaceId(), filters).then().statusCode(200);
        return tenant;
    }

    private static Response putWorkspaceFilters(AdminClient admin, Ports ports, String workspaceId,
            List<Map<String, Object>> filters) {
        return given().header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                .body(Map.of("content_filters", filters))
                .put(SharedStack.url(ports.guardrail(), "/api/v1/workspaces/" + workspaceId + "/guardrails"));
    }

    private static Response chat(Ports ports, String key, List<Map<String, Object>> messages, boolean stream) {
        return given().header("Authorization", "Bearer " + key).contentType("application/json")
                .body(Map.of("model", "openai/gpt-4o-mini", "stream", stream, "messages", messages))
                .post(SharedStack.url(ports.gateway(), "/api/v1/chat/completions"));
    }
}
