package dev.atrium.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderer behaves like kustomize for what the overlays use, and refuses the rest. */
class KustomizeTest {

    @Test
    void patchesMergeCoreKindsByNameAndReplaceListsOfCustomResources() {
        List<ObjectNode> manifests = Kustomize.render(Repo.fixture("renderer/overlay"));

        ObjectNode deployment = Manifests.find(manifests, "Deployment", "app").orElseThrow();
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("patched");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("registry.example.com/app:2.0");
        assertThat(deployment.at("/spec/template/spec/containers/0/resources/limits/memory").asText()).isEqualTo("1Gi");
        assertThat(deployment.at("/spec/template/spec/containers/0/resources/limits/cpu").asText()).isEqualTo("1");
        assertThat(deployment.at("/spec/template/spec/containers/1/name").asText()).isEqualTo("sidecar");
        ObjectNode pool = Manifests.find(manifests, "KafkaNodePool", "pool").orElseThrow();
        assertThat(pool.at("/spec/roles")).hasSize(1);
        ObjectNode secret = Manifests.find(manifests, "Secret", "generated").orElseThrow();
        assertThat(secret.at("/data/token").asText()).isEqualTo("bG9jYWw=");
    }

    @Test
    void refusesFieldsItDoesNotImplement() {
        assertThatThrownBy(() -> Kustomize.render(Repo.fixture("renderer/unsupported")))
                .hasMessageContaining("unsupported field commonLabels");
    }

    @Test
    void refusesAPatchThatMatchesNothing() {
        assertThatThrownBy(() -> Kustomize.render(Repo.fixture("renderer/stray-patch")))
                .hasMessageContaining("the patch of Deployment missing matches 0 resources");
    }
}
