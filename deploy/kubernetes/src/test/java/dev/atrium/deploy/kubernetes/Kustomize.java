package dev.atrium.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The subset of kustomize the overlays use, so every manifest can be checked without a cluster:
 * resources (files or folders with a kustomization.yaml), secretGenerator with literals (without
 * name hashes), patches by path (strategic merge for core kinds, JSON merge patch for custom
 * resources, as kustomize does), images, namespace. Any other field fails, rather than being
 * silently ignored.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace",
            "patches", "images", "secretGenerator", "generatorOptions");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No kustomization.yaml in " + directory);
        }
        ObjectNode kustomization = Yaml.single(file);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": unsupported field " + field);
            }
        });
        List<ObjectNode> manifests = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            manifests.addAll(Files.isDirectory(path) ? render(path) : Yaml.documents(path));
        }
        manifests.addAll(generatedSecrets(file, kustomization));
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.size() != 1 || !patch.has("path")) {
                throw new IllegalArgumentException(file + ": only patches with a path alone are supported");
            }
            for (ObjectNode document : Yaml.documents(directory.resolve(patch.get("path").asText()))) {
                apply(manifests, document, file);
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            manifests.forEach(manifest -> Workloads.containers(manifest).forEach(c -> retag(c, image)));
        }
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            manifests.forEach(m -> ((ObjectNode) m.get("metadata")).put("namespace", namespace));
        }
        return manifests;
    }

    private static List<ObjectNode> generatedSecrets(Path file, ObjectNode kustomization) {
        if (!kustomization.has("secretGenerator")) {
            return List.of();
        }
        if (!kustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean()) {
            throw new IllegalArgumentException(file + ": secretGenerator needs disableNameSuffixHash: true here");
        }
        List<ObjectNode> secrets = new ArrayList<>();
        for (JsonNode generator : kustomization.get("secretGenerator")) {
            ObjectNode secret = Yaml.MAPPER.createObjectNode();
            secret.put("apiVersion", "v1").put("kind", "Secret");
            secret.putObject("metadata").put("name", generator.get("name").asText());
            secret.put("type", generator.path("type").asText("Opaque"));
            ObjectNode data = secret.putObject("data");
            for (JsonNode literal : generator.path("literals")) {
                String text = literal.asText();
                int equals = text.indexOf('=');
                data.put(text.substring(0, equals), Base64.getEncoder()
                        .encodeToString(text.substring(equals + 1).getBytes(StandardCharsets.UTF_8)));
            }
            secrets.add(secret);
        }
        return secrets;
    }

    private static void apply(List<ObjectNode> manifests, ObjectNode patch, Path file) {
        String name = patch.path("metadata").path("name").asText();
        List<ObjectNode> targets = manifests.stream()
                .filter(m -> m.path("apiVersion").equals(patch.path("apiVersion"))
                        && m.path("kind").equals(patch.path("kind"))
                        && m.path("metadata").path("name").asText().equals(name))
                .toList();
        if (targets.size() != 1) {
            throw new IllegalArgumentException(file + ": the patch of " + patch.path("kind").asText() + " "
                    + name + " matches " + targets.size() + " resources");
        }
        merge(targets.get(0), patch, CoreKinds.isCore(patch));
    }

    /** Maps merge; a null removes; lists of named maps merge by name in core kinds, other lists are replaced. */
    static void merge(ObjectNode target, ObjectNode patch, boolean strategic) {
        Iterator<String> fields = patch.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            JsonNode value = patch.get(field);
            JsonNode current = target.get(field);
            if (value.isNull()) {
                target.remove(field);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, strategic);
            } else if (strategic && value.isArray() && current != null && current.isArray()
                    && named(value) && named(current)) {
                mergeByName((ArrayNode) current, (ArrayNode) value);
            } else {
                target.set(field, value.deepCopy());
            }
        }
    }

    private static void mergeByName(ArrayNode current, ArrayNode patch) {
        for (JsonNode element : patch) {
            ObjectNode match = null;
            for (JsonNode existing : current) {
                if (existing.get("name").equals(element.get("name"))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                current.add(element.deepCopy());
            } else {
                merge(match, (ObjectNode) element, true);
            }
        }
    }

    private static boolean named(JsonNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode element : array) {
            if (!element.isObject() || !element.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String reference = container.path("image").asText();
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        String name = colon > slash ? reference.substring(0, colon) : reference;
        String tag = colon > slash ? reference.substring(colon + 1) : "latest";
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        container.put("image", image.path("newName").asText(name) + ":" + image.path("newTag").asText(tag));
    }
}
