package dev.atrium.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The realm the local stack imports: the production realm (deploy/keycloak/atrium-realm.json, which holds
 * no user and no secret: its confidential clients' secrets are {@code ${...}} placeholders) with the local
 * additions laid over it (deploy/local/keycloak/atrium-realm-local.json): the demo users are added, each
 * client named there gets the fields given (its local secret), each client in {@code addedClients} is added
 * (local automations' clients, docs/operations.md "Automation"), and any other field replaces the realm's.
 * Fields starting with {@code _} are comments.
 */
public final class LocalRealm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalRealm() {
    }

    public static ObjectNode merge(Path realm, Path additions) throws IOException {
        return merge((ObjectNode) JSON.readTree(realm.toFile()), (ObjectNode) JSON.readTree(additions.toFile()));
    }

    static ObjectNode merge(ObjectNode realm, ObjectNode additions) {
        ObjectNode merged = realm.deepCopy();
        for (Map.Entry<String, JsonNode> field : additions.properties()) {
            String name = field.getKey();
            if (name.startsWith("_")) {
                continue;
            }
            switch (name) {
                case "users" -> merged.withArray("users").addAll((ArrayNode) field.getValue());
                case "clients" -> field.getValue().forEach(client -> client(merged, client));
                case "addedClients" -> merged.withArray("clients").addAll((ArrayNode) field.getValue());
                default -> merged.set(name, field.getValue());
            }
        }
        return merged;
    }

    private static void client(ObjectNode realm, JsonNode addition) {
        String id = addition.path("clientId").asText();
        for (JsonNode client : realm.withArray("clients")) {
            if (client.path("clientId").asText().equals(id)) {
                ((ObjectNode) client).setAll((ObjectNode) addition);
                return;
            }
        }
        throw new IllegalArgumentException("The local realm additions name client " + id
                + ", which the realm does not have");
    }

    public static void write(ObjectNode realm, Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), realm);
    }
}
