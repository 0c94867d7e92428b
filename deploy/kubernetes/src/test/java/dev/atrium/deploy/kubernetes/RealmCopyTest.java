package dev.atrium.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The operator's realm import is a copy of deploy/keycloak/atrium-realm.json, kept equal by this test. */
class RealmCopyTest {

    @Test
    void realmImportEqualsTheLocalRealm() throws IOException {
        assertThat(importedRealm(Repo.KUBERNETES.resolve("base/keycloak/realm-import.yaml"))).isEqualTo(sourceRealm());
    }

    @Test
    void aRealmImportThatDriftedFromTheSourceIsNoticed() throws IOException {
        assertThat(importedRealm(Repo.fixture("realm-drift/realm-import.yaml"))).isNotEqualTo(sourceRealm());
    }

    private static JsonNode sourceRealm() throws IOException {
        return new ObjectMapper().readTree(Repo.ROOT.resolve("deploy/keycloak/atrium-realm.json").toFile());
    }

    private static JsonNode importedRealm(Path file) {
        return Yaml.single(file).path("spec").path("realm");
    }
}
