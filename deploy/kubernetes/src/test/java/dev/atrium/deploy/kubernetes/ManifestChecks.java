package dev.atrium.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks over a rendered overlay; each answers its violations, empty when all is well. */
final class ManifestChecks {

    private ManifestChecks() {
    }

    /** Core kinds read into fabric8's model without unknown fields; every other kind valid against its schema. */
    static List<String> schemaProblems(List<ObjectNode> manifests, Path schemas) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode manifest : manifests) {
            if (CoreKinds.isCore(manifest)) {
                problems.addAll(CoreKinds.problems(manifest));
                continue;
            }
            Path schema = schemas.resolve(CoreKinds.key(manifest).replace('/', '_') + ".json");
            if (!Files.isRegularFile(schema)) {
                problems.add(Manifests.id(manifest) + ": no schema for " + CoreKinds.key(manifest));
                continue;
            }
            problems.addAll(MiniSchema.validate(Yaml.single(schema), manifest, Manifests.id(manifest)));
        }
        return problems;
    }

    /** Probes, limits, a non-root read-only container that cannot escalate, and /tmp on an emptyDir. */
    static List<String> workloadProblems(List<ObjectNode> manifests) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode workload : Workloads.all(manifests)) {
            JsonNode pod = Workloads.podSpec(workload);
            boolean podNonRoot = pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
            for (JsonNode container : pod.path("containers")) {
                String where = Manifests.id(workload) + " container " + container.path("name").asText();
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    if (!container.path(probe).has("httpGet") && !container.path(probe).has("tcpSocket")
                            && !container.path(probe).has("exec")) {
                        problems.add(where + ": no " + probe);
                    }
                }
                for (String resource : List.of("cpu", "memory")) {
                    if (!container.path("resources").path("limits").has(resource)) {
                        problems.add(where + ": no " + resource + " limit");
                    }
                    if (!container.path("resources").path("requests").has(resource)) {
                        problems.add(where + ": no " + resource + " request");
                    }
                }
                JsonNode security = container.path("securityContext");
                if (!security.path("runAsNonRoot").asBoolean(podNonRoot)) {
                    problems.add(where + ": may run as root");
                }
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + ": root filesystem is writable");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(where + ": allows privilege escalation");
                }
                if (!containsText(security.path("capabilities").path("drop"), "ALL")) {
                    problems.add(where + ": does not drop ALL capabilities");
                }
                if (!tmpOnEmptyDir(pod, container)) {
                    problems.add(where + ": /tmp is not an emptyDir");
                }
            }
        }
        return problems;
    }

    /** Every workload has its ServiceAccount, a PodDisruptionBudget, a NetworkPolicy and a Service. */
    static List<String> companionProblems(List<ObjectNode> manifests) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode workload : Workloads.all(manifests)) {
            String where = Manifests.id(workload);
            String account = Workloads.podSpec(workload).path("serviceAccountName").asText();
            if (account.isEmpty() || Manifests.find(manifests, "ServiceAccount", account).isEmpty()) {
                problems.add(where + ": no ServiceAccount " + account);
            }
            JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
            for (String kind : List.of("PodDisruptionBudget", "NetworkPolicy", "Service")) {
                String selectorPath = kind.equals("Service") ? "/spec/selector"
                        : kind.equals("NetworkPolicy") ? "/spec/podSelector/matchLabels" : "/spec/selector/matchLabels";
                boolean selected = Manifests.ofKind(manifests, kind).stream()
                        .map(m -> m.at(selectorPath))
                        .anyMatch(selector -> selector.isObject() && !selector.isEmpty() && selects(selector, labels));
                if (!selected) {
                    problems.add(where + ": no " + kind + " selects it");
                }
            }
        }
        for (ObjectNode autoscaler : Manifests.ofKind(manifests, "HorizontalPodAutoscaler")) {
            JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
            if (Manifests.find(manifests, target.path("kind").asText(), target.path("name").asText()).isEmpty()) {
                problems.add(Manifests.id(autoscaler) + ": scales a missing " + target.path("kind").asText());
            }
        }
        return problems;
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        var fields = selector.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().equals(labels.path(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean tmpOnEmptyDir(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").equals(mount.path("name")) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean containsText(JsonNode array, String text) {
        for (JsonNode element : array) {
            if (element.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
