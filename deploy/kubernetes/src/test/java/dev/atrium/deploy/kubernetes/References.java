package dev.atrium.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every ConfigMap and Secret key a manifest reads exists in the overlay, or is one of the secrets
 * declared in secrets.example: "generated" ones (an operator writes them, so their producer must be
 * in the overlay) and, where the overlay allows it, "provided" ones (created before the deploy).
 */
final class References {

    private final Map<String, Set<String>> generated;
    private final Map<String, Set<String>> provided;

    private References(Map<String, Set<String>> generated, Map<String, Set<String>> provided) {
        this.generated = generated;
        this.provided = provided;
    }

    /** Reads secrets.example; provided secrets count only when the overlay expects them created outside it. */
    static References declaredIn(Path secretsExample, boolean providedOutside) {
        ObjectNode declared = Yaml.single(secretsExample);
        return new References(keys(declared.path("generated")),
                providedOutside ? keys(declared.path("provided")) : Map.of());
    }

    private static Map<String, Set<String>> keys(JsonNode section) {
        Map<String, Set<String>> keys = new HashMap<>();
        section.fields().forEachRemaining(e -> {
            Set<String> names = new HashSet<>();
            e.getValue().forEach(k -> names.add(k.asText()));
            keys.put(e.getKey(), names);
        });
        return keys;
    }

    List<String> problems(List<ObjectNode> manifests) {
        Map<String, Set<String>> configMaps = keysOf(manifests, "ConfigMap", "data", "binaryData");
        Map<String, Set<String>> secrets = keysOf(manifests, "Secret", "data", "stringData");
        provided.forEach(secrets::putIfAbsent);
        generated.forEach((name, keys) -> {
            if (producedBy(manifests, name)) {
                secrets.putIfAbsent(name, keys);
            }
        });
        List<String> problems = new ArrayList<>();
        for (ObjectNode manifest : manifests) {
            String where = Manifests.id(manifest);
            if (Workloads.isWorkload(manifest)) {
                workloadReferences(manifest, configMaps, secrets, where, problems);
            } else if (!CoreKinds.isCore(manifest)) {
                customResourceReferences(manifest.path("spec"), secrets, where, problems);
            }
        }
        return problems;
    }

    private void workloadReferences(JsonNode workload, Map<String, Set<String>> configMaps,
            Map<String, Set<String>> secrets, String where, List<String> problems) {
        JsonNode pod = Workloads.podSpec(workload);
        for (ObjectNode container : Workloads.containers(workload)) {
            for (JsonNode from : container.path("envFrom")) {
                exists(configMaps, "ConfigMap", from.path("configMapRef"), null, where, problems);
                exists(secrets, "Secret", from.path("secretRef"), null, where, problems);
            }
            for (JsonNode env : container.path("env")) {
                JsonNode source = env.path("valueFrom");
                exists(configMaps, "ConfigMap", source.path("configMapKeyRef"), "key", where, problems);
                exists(secrets, "Secret", source.path("secretKeyRef"), "key", where, problems);
            }
            for (JsonNode mount : container.path("volumeMounts")) {
                if (!hasVolume(workload, mount.path("name").asText())) {
                    problems.add(where + ": mounts a missing volume " + mount.path("name").asText());
                }
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            volumeReferences(volume.path("configMap"), "name", configMaps, "ConfigMap", where, problems);
            volumeReferences(volume.path("secret"), "secretName", secrets, "Secret", where, problems);
        }
    }

    private static void volumeReferences(JsonNode source, String nameField, Map<String, Set<String>> available,
            String kind, String where, List<String> problems) {
        if (source.isMissingNode() || source.path("optional").asBoolean(false)) {
            return;
        }
        String name = source.path(nameField).asText();
        if (!available.containsKey(name)) {
            problems.add(where + ": reads a missing " + kind + " " + name);
            return;
        }
        for (JsonNode item : source.path("items")) {
            if (!available.get(name).contains(item.path("key").asText())) {
                problems.add(where + ": reads a missing key " + item.path("key").asText() + " of " + kind + " " + name);
            }
        }
    }

    private static boolean hasVolume(JsonNode workload, String name) {
        for (JsonNode volume : Workloads.podSpec(workload).path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return true;
            }
        }
        for (JsonNode claim : workload.path("spec").path("volumeClaimTemplates")) {
            if (claim.path("metadata").path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Custom resources name secret keys as {name, key} selectors (Keycloak's db, CloudNativePG's object store). */
    private static void customResourceReferences(JsonNode node, Map<String, Set<String>> secrets, String where,
            List<String> problems) {
        if (node.isObject() && node.size() == 2 && node.path("name").isTextual() && node.path("key").isTextual()) {
            exists(secrets, "Secret", node, "key", where, problems);
            return;
        }
        node.forEach(child -> customResourceReferences(child, secrets, where, problems));
    }

    private static void exists(Map<String, Set<String>> available, String kind, JsonNode reference, String keyField,
            String where, List<String> problems) {
        if (reference.isMissingNode() || reference.path("optional").asBoolean(false)) {
            return;
        }
        String name = reference.path("name").asText();
        if (!available.containsKey(name)) {
            problems.add(where + ": reads a missing " + kind + " " + name);
        } else if (keyField != null && !available.get(name).contains(reference.path(keyField).asText())) {
            problems.add(where + ": reads a missing key " + reference.path(keyField).asText() + " of " + kind + " " + name);
        }
    }

    private static Map<String, Set<String>> keysOf(List<ObjectNode> manifests, String kind, String... fields) {
        Map<String, Set<String>> keys = new HashMap<>();
        for (ObjectNode manifest : Manifests.ofKind(manifests, kind)) {
            Set<String> names = keys.computeIfAbsent(Manifests.name(manifest), n -> new HashSet<>());
            for (String field : fields) {
                manifest.path(field).fieldNames().forEachRemaining(names::add);
            }
        }
        return keys;
    }

    /** The operator that writes a generated secret is in the overlay. */
    private static boolean producedBy(List<ObjectNode> manifests, String secret) {
        return manifests.stream().anyMatch(m -> switch (m.path("kind").asText()) {
            case "Cluster" -> secret.equals(Manifests.name(m) + "-app");
            case "KafkaUser" -> secret.equals(Manifests.name(m));
            case "Kafka" -> secret.equals(Manifests.name(m) + "-cluster-ca-cert");
            default -> false;
        });
    }
}
