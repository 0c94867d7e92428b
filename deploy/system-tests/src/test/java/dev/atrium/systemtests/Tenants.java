package dev.atrium.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
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
        JsonNode key = key(admin, ws, name);
        credit(admin, org, 10);
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

    private static Ports ports() {
        return SharedStack.ports();
    }
}
