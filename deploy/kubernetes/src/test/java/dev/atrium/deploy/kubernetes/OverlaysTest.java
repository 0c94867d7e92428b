package dev.atrium.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyManifestMatchesItsModelOrSchema(String overlay) {
        List<ObjectNode> manifests = Kustomize.render(Repo.overlay(overlay));

        assertThat(manifests).hasSizeGreaterThan(40);
        assertThat(ManifestChecks.schemaProblems(manifests, Repo.SCHEMAS)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadIsProbedLimitedAndLockedDown(String overlay) {
        List<ObjectNode> manifests = Kustomize.render(Repo.overlay(overlay));

        assertThat(Workloads.all(manifests)).extracting(Manifests::id).containsExactlyInAnyOrder(
                "StatefulSet gateway", "Deployment workspace-service", "Deployment guardrail-service", "Deployment console",
                "Deployment routing-service", "Deployment billing-service");
        assertThat(ManifestChecks.workloadProblems(manifests)).isEmpty();
        assertThat(ManifestChecks.companionProblems(manifests)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void healthAndMetricsAreServedOnlyOnTheManagementPortToTheKubeletAndMonitoring(String overlay) {
        List<ObjectNode> manifests = Kustomize.render(Repo.overlay(overlay));

        assertThat(ManifestChecks.managementProblems(manifests)).isEmpty();
        for (ObjectNode workload : Workloads.all(manifests)) {
            assertThat(workload.at("/spec/template/spec/containers/0/ports").findValuesAsText("name"))
                    .as(Manifests.id(workload)).contains("management");
        }
    }

    @Test
    void prodSpreadsEveryReplicatedWorkloadOverNodesAndZones() {
        List<ObjectNode> manifests = Kustomize.render(Repo.overlay("prod"));

        assertThat(ManifestChecks.spreadProblems(manifests)).isEmpty();
        for (ObjectNode workload : Workloads.all(manifests)) {
            assertThat(Workloads.podSpec(workload).path("topologySpreadConstraints").findValuesAsText("topologyKey"))
                    .as(Manifests.id(workload)).containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
        }
    }

    @Test
    void devReadsOnlyWhatItGeneratesOrAnOperatorWrites() {
        List<ObjectNode> manifests = Kustomize.render(Repo.overlay("dev"));

        assertThat(References.declaredIn(Repo.SECRETS_EXAMPLE, false).problems(manifests)).isEmpty();
    }

    @Test
    void prodReadsOnlyDeclaredSecrets() {
        List<ObjectNode> manifests = Kustomize.render(Repo.overlay("prod"));

        assertThat(Manifests.ofKind(manifests, "Secret")).isEmpty();
        assertThat(References.declaredIn(Repo.SECRETS_EXAMPLE, true).problems(manifests)).isEmpty();
    }

    @Test
    void gatewayKeepsItsSpoolOnAVolumePerReplica() {
        ObjectNode gateway = Manifests.find(Kustomize.render(Repo.overlay("prod")), "StatefulSet", "gateway").orElseThrow();

        JsonNode claim = gateway.at("/spec/volumeClaimTemplates/0");
        assertThat(claim.at("/metadata/name").asText()).isEqualTo("spool");
        assertThat(claim.at("/spec/accessModes/0").asText()).isEqualTo("ReadWriteOnce");
        assertThat(gateway.at("/spec/template/spec/containers/0/volumeMounts").findValuesAsText("mountPath"))
                .contains("/var/lib/atrium/spool");
        assertThat(gateway.at("/spec/persistentVolumeClaimRetentionPolicy/whenScaled").asText()).isEqualTo("Retain");
    }

    @Test
    void overlaysSetReplicasImagesAndAutoscalingBounds() {
        List<ObjectNode> dev = Kustomize.render(Repo.overlay("dev"));
        List<ObjectNode> prod = Kustomize.render(Repo.overlay("prod"));

        assertThat(Workloads.all(dev)).allSatisfy(w -> assertThat(w.at("/spec/replicas").asInt()).isEqualTo(1));
        assertThat(Workloads.all(prod)).allSatisfy(w -> assertThat(w.at("/spec/replicas").asInt()).isEqualTo(3));
        assertThat(hpa(dev)).containsExactly(1, 2);
        assertThat(hpa(prod)).containsExactly(3, 12);
        assertThat(Workloads.all(prod)).allSatisfy(w -> assertThat(w.at("/spec/template/spec/containers/0/image").asText())
                .startsWith("registry.example.com/atrium/").endsWith(":0.1.0"));
        assertThat(dev).allSatisfy(m -> assertThat(m.at("/metadata/namespace").asText()).isEqualTo("atrium-dev"));
    }

    @Test
    void gatewayIsConfiguredForTheClusterServices() {
        ObjectNode config = Manifests.find(Kustomize.render(Repo.overlay("prod")), "ConfigMap", "gateway-config").orElseThrow();

        assertThat(config.at("/data/ATRIUM_GATEWAY_WORKSPACE_URL").asText()).isEqualTo("http://workspace-service:8080");
        assertThat(config.at("/data/ATRIUM_GATEWAY_SPOOL_DIR").asText()).isEqualTo("/var/lib/atrium/spool");
        assertThat(config.at("/data/QUARKUS_HTTP_HOST").asText()).isEqualTo("0.0.0.0");
    }

    private static List<Integer> hpa(List<ObjectNode> manifests) {
        JsonNode spec = Manifests.find(manifests, "HorizontalPodAutoscaler", "gateway").orElseThrow().path("spec");
        return List.of(spec.path("minReplicas").asInt(), spec.path("maxReplicas").asInt());
    }
}
