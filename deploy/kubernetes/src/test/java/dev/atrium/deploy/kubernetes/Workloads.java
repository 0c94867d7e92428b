package dev.atrium.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Deployments and StatefulSets: their pod template and containers. */
final class Workloads {

    static final Set<String> KINDS = Set.of("Deployment", "StatefulSet");

    private Workloads() {
    }

    static boolean isWorkload(JsonNode manifest) {
        return manifest.path("apiVersion").asText().equals("apps/v1") && KINDS.contains(manifest.path("kind").asText());
    }

    static List<ObjectNode> all(List<ObjectNode> manifests) {
        return manifests.stream().filter(Workloads::isWorkload).toList();
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    /** Containers and init containers; none for anything that is not a workload. */
    static List<ObjectNode> containers(JsonNode manifest) {
        List<ObjectNode> containers = new ArrayList<>();
        if (!isWorkload(manifest)) {
            return containers;
        }
        for (String field : List.of("initContainers", "containers")) {
            podSpec(manifest).path(field).forEach(c -> containers.add((ObjectNode) c));
        }
        return containers;
    }
}
