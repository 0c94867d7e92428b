package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Organizations, workspaces, keys and credits made through the management REST with the demo admin. */
final class Tenants {

    /** A new organization with one workspace, one key and $10 of credits. */
    record Tenant(String organizationId, String workspaceId, String apiKey, String keyId) {
    }

    private Tenants() {
    }

    static Tenant create(AdminClient admin, String name) {
        String org = organization(admin, name);
        String ws = workspace(admin, org, "apps");
        awaitGuardrailKnows(admin, ws);
        JsonNode key = key(admin, ws, name);
        credit(admin, org, 10);
        awaitGuardrailCredits(org, ws);
        return new Tenant(org, ws, key.path("key").asText(), key.path("id").asText());
    }

    static String organization(AdminClient admin, String name) {
        return admin.post(SharedStack.url(ports().workspace(), "/api/v1/organizations"),
                Map.of("name", name, "slug", name + "-" + UUID.randomUUID().toString().substring(0, 8)), Map.of(), 201)
                .path("id").asText();
    }

    static String workspace(AdminClient admin, String organizationId, String slug) {
        return admin.post(SharedStack.url(ports().workspace(), "/api/v1/organizations/" + organizationId
                + "/workspaces"), Map.of("name", slug, "slug", slug), Map.of(), 201).path("id").asText();
    }

    /**
     * Waits until guardrail has learnt the workspace from workspace's events (it answers 404 for a
     * workspace it does not know yet), so a test can set the workspace's guardrails at once.
     */
    static void awaitGuardrailKnows(AdminClient admin, String workspaceId) {
        String url = SharedStack.url(ports().guardrail(), "/api/v1/workspaces/" + workspaceId + "/guardrails");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        while ((status = given().header("Authorization", "Bearer " + admin.token()).get(url).statusCode()) == 404
                && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(status).as("guardrail's answer for workspace %s", workspaceId).isEqualTo(200);
    }

    /**
     * Credits fail closed: waits until guardrail admits a dry run of the demo model for the organization,
     * that is until billing's balance has reached it, so a test's first request is not refused with 402.
     * The dry run counts and holds nothing.
     */
    static void awaitGuardrailCredits(String organizationId, String workspaceId) {
        String token = Budgets.serviceToken();
        Map<String, Object> check = Map.of("organization_id", organizationId, "workspace_id", workspaceId,
                "models", java.util.List.of("openai/gpt-4o-mini"), "estimated_prompt_tokens", 16, "max_tokens", 16,
                "dry_run", true);
        String url = SharedStack.url(ports().guardrail(), "/internal/v1/checks");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String answer;
        while (!(answer = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(check).post(url).then().statusCode(200).extract().asString()).contains("\"allowed\":true")
                && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(answer).as("guardrail's dry run for organization %s", organizationId).contains("\"allowed\":true");
    }

    /** The created key: {@code key} (the secret, shown once) and {@code id}. */
    static JsonNode key(AdminClient admin, String workspaceId, String name) {
        return admin.post(SharedStack.url(ports().workspace(), "/api/v1/workspaces/" + workspaceId + "/keys"),
                Map.of("name", name), Map.of(), 201);
    }

    static void credit(AdminClient admin, String organizationId, int dollars) {
        admin.post(SharedStack.url(ports().billing(), "/api/v1/organizations/" + organizationId + "/credits"),
                Map.of("amount", dollars, "currency", "USD", "kind", "top_up"),
                Map.of("Idempotency-Key", "credit-" + organizationId), 201);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Ports ports() {
        return SharedStack.ports();
    }
}
