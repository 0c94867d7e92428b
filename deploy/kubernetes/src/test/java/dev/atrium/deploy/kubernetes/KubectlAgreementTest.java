package dev.atrium.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where kubectl is installed, the test renderer must produce what `kubectl kustomize` produces. */
class KubectlAgreementTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendererAgreesWithKubectl(String overlay) throws Exception {
        Path output = Files.createTempFile("kustomize-" + overlay, ".yaml");
        assumeTrue(kubectlKustomize(Repo.overlay(overlay), output), "kubectl is not installed");

        List<ObjectNode> expected = Yaml.documents(output);
        expected.forEach(KubectlAgreementTest::unfoldSecretData);
        List<ObjectNode> rendered = Kustomize.render(Repo.overlay(overlay));

        assertThat(rendered).hasSameSizeAs(expected);
        assertThat(rendered.stream().filter(m -> !expected.contains(m)).map(JsonNode::toString).toList())
                .as("rendered differently from kubectl").isEmpty();
        Files.delete(output);
    }

    /** kubectl folds long base64 values over several lines, which YAML reads back with line breaks. */
    private static void unfoldSecretData(ObjectNode manifest) {
        if (manifest.path("kind").asText().equals("Secret") && manifest.path("data").isObject()) {
            ObjectNode data = (ObjectNode) manifest.get("data");
            data.fieldNames().forEachRemaining(k -> data.put(k, data.get(k).asText().replaceAll("\\s", "")));
        }
    }

    private static boolean kubectlKustomize(Path overlay, Path output) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
