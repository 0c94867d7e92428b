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

    /**
     * Every workload with more than one replica is kept off a single node: a topology spread over
     * {@code kubernetes.io/hostname} that may not be ignored ({@code DoNotSchedule}), or a required pod
     * anti-affinity by hostname, selecting the workload's own pods.
     */
    static List<String> spreadProblems(List<ObjectNode> manifests) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode workload : Workloads.all(manifests)) {
            if (workload.path("spec").path("replicas").asInt(1) < 2) {
                continue;
            }
            JsonNode pod = Workloads.podSpec(workload);
            JsonNode labels = workload.at("/spec/template/metadata/labels");
            boolean spread = false;
            for (JsonNode constraint : pod.path("topologySpreadConstraints")) {
                spread |= constraint.path("topologyKey").asText().equals("kubernetes.io/hostname")
                        && constraint.path("whenUnsatisfiable").asText().equals("DoNotSchedule")
                        && constraint.path("maxSkew").asInt(0) == 1
                        && ownPods(constraint.path("labelSelector"), labels);
            }
            for (JsonNode term : pod.at("/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution")) {
                spread |= term.path("topologyKey").asText().equals("kubernetes.io/hostname")
                        && ownPods(term.path("labelSelector"), labels);
            }
            if (!spread) {
                problems.add(Manifests.id(workload) + ": " + workload.path("spec").path("replicas").asInt()
                        + " replicas may land on one node (no hostname spread or anti-affinity selecting its pods)");
            }
        }
        return problems;
    }

    /** A selector that names labels and selects the pods carrying these. */
    private static boolean ownPods(JsonNode selector, JsonNode labels) {
        return selector.path("matchLabels").size() > 0 && selects(selector.path("matchLabels"), labels);
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

    /**
     * Health, metrics and OpenAPI ({@code /q/*}) only on a container port named {@code management}: probes and the
     * Prometheus scrape use it, the ConfigMap binds Quarkus's management interface to it on every interface, no
     * Service exposes it, and NetworkPolicies admit it only from namespaces labelled for observability. The
     * metrics name every tenant's traffic, so the public port must not serve them.
     */
    static List<String> managementProblems(List<ObjectNode> manifests) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode workload : Workloads.all(manifests)) {
            String where = Manifests.id(workload);
            JsonNode template = workload.path("spec").path("template");
            JsonNode labels = template.path("metadata").path("labels");
            for (JsonNode container : Workloads.podSpec(workload).path("containers")) {
                int management = -1;
                for (JsonNode port : container.path("ports")) {
                    if (port.path("name").asText().equals("management")) {
                        management = port.path("containerPort").asInt();
                    }
                }
                String at = where + " container " + container.path("name").asText();
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    JsonNode get = container.path(probe).path("httpGet");
                    if (get.path("path").asText().startsWith("/q/") && !isPort(get.path("port"), management)) {
                        problems.add(at + ": " + probe + " reads /q/ off the management port");
                    }
                }
                if (management < 0) {
                    if (servesQuarkusEndpoints(container, template)) {
                        problems.add(at + ": no port named management");
                    }
                    continue;
                }
                JsonNode annotations = template.path("metadata").path("annotations");
                if (annotations.path("prometheus.io/scrape").asText().equals("true")
                        && !annotations.path("prometheus.io/port").asText().equals(String.valueOf(management))) {
                    problems.add(where + ": Prometheus scrapes port " + annotations.path("prometheus.io/port").asText()
                            + ", not the management port " + management);
                }
                problems.addAll(managementSettingProblems(manifests, at, container, management));
                for (ObjectNode service : Manifests.ofKind(manifests, "Service")) {
                    JsonNode selector = service.at("/spec/selector");
                    if (selector.isObject() && !selector.isEmpty() && selects(selector, labels)) {
                        for (JsonNode port : service.at("/spec/ports")) {
                            JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                            if (isPort(target, management)) {
                                problems.add(Manifests.id(service) + ": exposes the management port of " + where);
                            }
                        }
                    }
                }
                for (ObjectNode policy : Manifests.ofKind(manifests, "NetworkPolicy")) {
                    boolean applies = policySelects(policy.at("/spec/podSelector"), labels);
                    if (!applies) {
                        continue;
                    }
                    for (JsonNode rule : policy.at("/spec/ingress")) {
                        if (admits(rule.path("ports"), management) && !onlyFromObservability(rule.path("from"))) {
                            problems.add(Manifests.id(policy) + ": admits the management port of " + where
                                    + " from beyond the observability namespaces");
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static boolean servesQuarkusEndpoints(JsonNode container, JsonNode template) {
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            if (container.path(probe).path("httpGet").path("path").asText().startsWith("/q/")) {
                return true;
            }
        }
        return template.path("metadata").path("annotations").path("prometheus.io/path").asText().startsWith("/q/");
    }

    /** The ConfigMap the container reads sets QUARKUS_MANAGEMENT_PORT to its management port, on 0.0.0.0. */
    private static List<String> managementSettingProblems(List<ObjectNode> manifests, String at, JsonNode container,
            int management) {
        List<String> problems = new ArrayList<>();
        String port = null;
        String host = null;
        for (JsonNode source : container.path("envFrom")) {
            String name = source.path("configMapRef").path("name").asText();
            JsonNode data = Manifests.find(manifests, "ConfigMap", name).map(m -> m.path("data"))
                    .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
            port = data.has("QUARKUS_MANAGEMENT_PORT") ? data.path("QUARKUS_MANAGEMENT_PORT").asText() : port;
            host = data.has("QUARKUS_MANAGEMENT_HOST") ? data.path("QUARKUS_MANAGEMENT_HOST").asText() : host;
        }
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals("QUARKUS_MANAGEMENT_PORT")) {
                port = env.path("value").asText();
            } else if (env.path("name").asText().equals("QUARKUS_MANAGEMENT_HOST")) {
                host = env.path("value").asText();
            }
        }
        if (!String.valueOf(management).equals(port)) {
            problems.add(at + ": QUARKUS_MANAGEMENT_PORT is " + port + ", not its management port " + management);
        }
        if (!"0.0.0.0".equals(host)) {
            problems.add(at + ": QUARKUS_MANAGEMENT_HOST is " + host + ", so the kubelet and Prometheus cannot reach it");
        }
        return problems;
    }

    private static boolean isPort(JsonNode port, int management) {
        return port.isInt() ? port.asInt() == management
                : port.asText().equals("management") || port.asText().equals(String.valueOf(management));
    }

    /** A rule without ports admits every port. */
    private static boolean admits(JsonNode ports, int management) {
        if (!ports.isArray() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode port : ports) {
            if (isPort(port.path("port"), management)) {
                return true;
            }
        }
        return false;
    }

    /** A rule without peers admits everyone; a peer without the observability namespace label admits more. */
    private static boolean onlyFromObservability(JsonNode from) {
        if (!from.isArray() || from.isEmpty()) {
            return false;
        }
        for (JsonNode peer : from) {
            if (!peer.path("namespaceSelector").path("matchLabels").path("atrium.dev/observability").asText()
                    .equals("true")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a NetworkPolicy's podSelector (labels and expressions, an empty one selects every pod) may select a
     * pod with these labels; expressions other than In are taken to select it, so the check errs on the strict side.
     */
    private static boolean policySelects(JsonNode podSelector, JsonNode labels) {
        JsonNode matchLabels = podSelector.path("matchLabels");
        if (matchLabels.isObject() && !selects(matchLabels, labels)) {
            return false;
        }
        for (JsonNode expression : podSelector.path("matchExpressions")) {
            if (expression.path("operator").asText().equals("In")
                    && !containsText(expression.path("values"), labels.path(expression.path("key").asText()).asText())) {
                return false;
            }
        }
        return true;
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
