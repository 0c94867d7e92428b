package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through the launched stack: a workspace preset shapes a request named {@code @preset/slug}, and a
 * key that was just used (so the gateway holds it) stops working within a second of being disabled or
 * revoked, or of its workspace being archived; a
 * mistyped model is 404 with routing's close matches.
 */
class KeyAndPresetTest {

    private static Ports ports;
    private static AdminClient admin;
    private static String ws;

    @BeforeAll
    static void tenant() {
        ports = SharedStack.ports();
        admin = AdminClient.login(SharedStack.get().keycloakUrl());
        String org = Tenants.organization(admin, "keys");
        ws = Tenants.workspace(admin, org, "apps");
        Tenants.credit(admin, org, 10);
        Tenants.awaitGuardrailCredits(org, ws);
    }

    @Test
    void aPresetGivesTheModelAndTheSystemPrompt() {
        String key = newKey("preset");
        given().header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                .body(Map.of("system_prompt", "You answer in one word.", "model", "openai/gpt-4o-mini",
                        "parameters", Map.of("max_tokens", 16), "locked_parameters", List.of("max_tokens")))
                .put(SharedStack.url(ports.workspace(), "/api/v1/workspaces/" + ws + "/presets/terse"))
                .then().statusCode(200);

        Response answer = chat(key, "@preset/terse");
        answer.then().statusCode(200);
        assertThat(answer.jsonPath().getString("model")).isEqualTo("openai/gpt-4o-mini");
        assertThat(answer.jsonPath().getInt("usage.completion_tokens")).isLessThanOrEqualTo(16);

        Response unknown = chat(key, "@preset/nope");
        unknown.then().statusCode(400);
        assertThat(unknown.jsonPath().getString("error.metadata.field")).isEqualTo("model");
    }

    @Test
    void aDisabledKeyIsRejectedWithinASecond() throws InterruptedException {
        var key = warmKey(ws, "disable-me");
        assertRejectedWithinASecond("disabled key", key[0], () -> given()
                .header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                .body(Map.of("disabled", true))
                .patch(SharedStack.url(ports.workspace(), "/api/v1/workspaces/" + ws + "/keys/" + key[1]))
                .then().statusCode(200));
    }

    @Test
    void aRevokedKeyIsRejectedWithinASecond() throws InterruptedException {
        var key = warmKey(ws, "revoke-me");
        assertRejectedWithinASecond("revoked key", key[0], () -> given()
                .header("Authorization", "Bearer " + admin.token())
                .delete(SharedStack.url(ports.workspace(), "/api/v1/workspaces/" + ws + "/keys/" + key[1]))
                .then().statusCode(204));
    }

    @Test
    void anArchivedWorkspacesKeyIsRejectedWithinASecond() throws InterruptedException {
        String org = Tenants.organization(admin, "archive");
        String doomed = Tenants.workspace(admin, org, "doomed");
        Tenants.credit(admin, org, 10);
        Tenants.awaitGuardrailCredits(org, doomed);
        var key = warmKey(doomed, "archived-with-it");
        assertRejectedWithinASecond("archived workspace's key", key[0], () -> given()
                .header("Authorization", "Bearer " + admin.token())
                .delete(SharedStack.url(ports.workspace(), "/api/v1/workspaces/" + doomed))
                .then().statusCode(204));
    }

    /** A new key, used twice so the gateway holds it: {secret, id}. */
    private static String[] warmKey(String workspace, String name) {
        var created = Tenants.key(admin, workspace, name);
        String key = created.path("key").asText();
        chat(key, "openai/gpt-4o-mini").then().statusCode(200);
        chat(key, "openai/gpt-4o-mini").then().statusCode(200);
        return new String[] {key, created.path("id").asText()};
    }

    private static void assertRejectedWithinASecond(String what, String key, Runnable change)
            throws InterruptedException {
        change.run();
        long changedAt = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - changedAt < 5_000_000_000L) {
            status = chat(key, "openai/gpt-4o-mini").statusCode();
            if (status == 200) {
                Thread.sleep(20);
            }
        }
        long tookMs = (System.nanoTime() - changedAt) / 1_000_000;
        System.out.println("[key-revocation] a " + what + " was rejected after " + tookMs + " ms");
        assertThat(status).isEqualTo(401);
        assertThat(tookMs).isLessThan(1000);
    }

    @Test
    void aMistypedModelIs404NamingCloseMatches() {
        Response answer = chat(newKey("typo"), "openai/gpt-4o-mni");
        answer.then().statusCode(404);
        assertThat(answer.jsonPath().getString("error.message")).contains("did you mean");
        assertThat(answer.jsonPath().getList("error.metadata.did_you_mean", String.class))
                .contains("openai/gpt-4o-mini");
    }

    private static String newKey(String name) {
        return Tenants.key(admin, ws, name).path("key").asText();
    }

    private static Response chat(String key, String model) {
        return given().header("Authorization", "Bearer " + key).contentType("application/json")
                .body(Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", "Hello"))))
                .post(SharedStack.url(ports.gateway(), "/api/v1/chat/completions"));
    }
}
