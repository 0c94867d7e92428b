package dev.atrium.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Looking up rendered manifests. */
final class Manifests {

    private Manifests() {
    }

    static String id(JsonNode manifest) {
        return manifest.path("kind").asText() + " " + manifest.path("metadata").path("name").asText();
    }

    static String name(JsonNode manifest) {
        return manifest.path("metadata").path("name").asText();
    }

    static List<ObjectNode> ofKind(List<ObjectNode> manifests, String kind) {
        return manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    static Optional<ObjectNode> find(List<ObjectNode> manifests, String kind, String name) {
        return ofKind(manifests, kind).stream().filter(m -> name(m).equals(name)).findFirst();
    }
}
