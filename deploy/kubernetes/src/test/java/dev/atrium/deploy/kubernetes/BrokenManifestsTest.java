package dev.atrium.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each check of the overlays, shown to fail on a fixture that breaks it. */
class BrokenManifestsTest {

    @Test
    void unknownOrMistypedFieldsAndKindsWithoutSchemaFail() {
        List<ObjectNode> manifests = Kustomize.render(Repo.fixture("invalid-schema"));

        assertThat(ManifestChecks.schemaProblems(manifests, Repo.SCHEMAS)).containsExactlyInAnyOrder(
                "Deployment typo.spec: unknown field(s) [replica]",
                "Service typo.spec.ports[0]: unknown field(s) [target]",
                "KafkaTopic atrium.usage.recorded.spec.partitions: expected integer but was STRING",
                "KafkaTopic atrium.usage.recorded.spec: missing required field config",
                "KafkaUser nobody.spec.authorization.acls[0].operations[0]: \"Steal\" is not one of "
                        + "[\"Read\",\"Write\",\"Create\",\"Delete\",\"Alter\",\"Describe\",\"ClusterAction\","
                        + "\"AlterConfigs\",\"DescribeConfigs\",\"IdempotentWrite\",\"All\"]",
                "Certificate tls: no schema for cert-manager.io/v1/Certificate");
    }

    @Test
    void aWorkloadWithoutProbesLimitsOrLockedDownContainerFails() {
        List<ObjectNode> manifests = Kustomize.render(Repo.fixture("unsafe-workload"));

        assertThat(ManifestChecks.workloadProblems(manifests)).containsExactlyInAnyOrder(
                "Deployment loose container app: no livenessProbe",
                "Deployment loose container app: no cpu limit",
                "Deployment loose container app: no memory request",
                "Deployment loose container app: may run as root",
                "Deployment loose container app: root filesystem is writable",
                "Deployment loose container app: allows privilege escalation",
                "Deployment loose container app: does not drop ALL capabilities",
                "Deployment loose container app: /tmp is not an emptyDir");
        assertThat(ManifestChecks.companionProblems(manifests)).containsExactlyInAnyOrder(
                "Deployment loose: no ServiceAccount missing-account",
                "Deployment loose: no PodDisruptionBudget selects it",
                "Deployment loose: no NetworkPolicy selects it",
                "Deployment loose: no Service selects it",
                "HorizontalPodAutoscaler loose: scales a missing StatefulSet");
    }

    @Test
    void replicasThatMayShareANodeFail() {
        List<ObjectNode> manifests = Kustomize.render(Repo.fixture("unspread-replicas"));

        assertThat(ManifestChecks.spreadProblems(manifests)).containsExactlyInAnyOrder(
                "Deployment crowded: 3 replicas may land on one node (no hostname spread or anti-affinity selecting its pods)",
                "Deployment soft: 2 replicas may land on one node (no hostname spread or anti-affinity selecting its pods)",
                "StatefulSet elsewhere: 3 replicas may land on one node (no hostname spread or anti-affinity selecting its pods)");
    }

    @Test
    void healthOrMetricsReachableBeyondTheManagementPortFail() {
        List<ObjectNode> manifests = Kustomize.render(Repo.fixture("management-exposed"));

        assertThat(ManifestChecks.managementProblems(manifests)).containsExactlyInAnyOrder(
                "Deployment leaky container app: readinessProbe reads /q/ off the management port",
                "Deployment leaky: Prometheus scrapes port 8080, not the management port 9080",
                "Deployment leaky container app: QUARKUS_MANAGEMENT_PORT is 9000, not its management port 9080",
                "Deployment leaky container app: QUARKUS_MANAGEMENT_HOST is null, so the kubelet and Prometheus "
                        + "cannot reach it",
                "Service leaky: exposes the management port of Deployment leaky",
                "NetworkPolicy leaky: admits the management port of Deployment leaky from beyond the observability "
                        + "namespaces",
                "NetworkPolicy everyone: admits the management port of Deployment leaky from beyond the "
                        + "observability namespaces",
                "Deployment bare container app: readinessProbe reads /q/ off the management port",
                "Deployment bare container app: no port named management");
    }

    @Test
    void aMissingConfigMapOrSecretKeyFails() {
        List<ObjectNode> manifests = Kustomize.render(Repo.fixture("missing-references"));

        assertThat(References.declaredIn(Repo.SECRETS_EXAMPLE, false).problems(manifests)).containsExactlyInAnyOrder(
                "Deployment reader: reads a missing key ABSENT of ConfigMap reader-config",
                "Deployment reader: reads a missing ConfigMap other-config",
                "Deployment reader: reads a missing key pasword of Secret reader-secret",
                "Deployment reader: reads a missing Secret atrium-key-pepper",
                "Deployment reader: reads a missing Secret atrium-billing-db-app",
                "Deployment reader: reads a missing key absent.properties of Secret reader-secret",
                "Deployment reader: mounts a missing volume nowhere",
                "Keycloak kc: reads a missing key pass of Secret reader-secret");
    }

    @Test
    void providedSecretsCountOnlyWhereTheOverlayExpectsThemFromOutside() {
        List<ObjectNode> manifests = Kustomize.render(Repo.fixture("missing-references"));

        assertThat(References.declaredIn(Repo.SECRETS_EXAMPLE, true).problems(manifests))
                .doesNotContain("Deployment reader: reads a missing Secret atrium-key-pepper")
                .contains("Deployment reader: reads a missing Secret atrium-billing-db-app");
    }
}
