package dev.atrium.workspace.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.atrium.workspace.application.port.in.CreateOrganizationUseCase;
import dev.atrium.workspace.application.port.in.CreateOrganizationUseCase.CreateOrganizationCommand;
import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase;
import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyResolutionResourceTest {

    @Inject
    CreateOrganizationUseCase organizations;
    @Inject
    CreateWorkspaceUseCase workspaces;
    @Inject
    IssueApiKeyUseCase keys;

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void serviceResolvesAKeyToItsContextWithoutTheSecret() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var org = organizations.create(CreateOrganizationCommand.of("Resolve", "resolve-" + suffix));
        var ws = workspaces.create(CreateWorkspaceCommand.of(org.id(), "Default", "default", "openai/gpt-4o-mini", null));
        var issued = keys.issue(IssueApiKeyCommand.of(ws.id(), "app", new BigDecimal("2.50"), "daily", false, null,
                "user-7", Instant.now()));

        given().contentType(ContentType.JSON).body(Map.of("key", issued.secret().value()))
                .post("/internal/v1/keys/resolve")
                .then().statusCode(200)
                .body("key_id", equalTo(issued.key().id()))
                .body("workspace_id", equalTo(ws.id()))
                .body("organization_id", equalTo(org.id()))
                .body("owner_user_id", equalTo("user-7"))
                .body("limit", equalTo(2.5f))
                .body("limit_reset", equalTo("daily"))
                .body("default_text_model", equalTo("openai/gpt-4o-mini"))
                .body("settings_revision", notNullValue())
                .body("key", nullValue());
    }
}
