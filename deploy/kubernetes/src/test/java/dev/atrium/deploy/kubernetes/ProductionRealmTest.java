package dev.atrium.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The realm production imports holds no person and no secret, refuses brute force and weak passwords and
 * requires TLS from outside: the local stack's demo users and client secrets live apart
 * (deploy/local/keycloak/atrium-realm-local.json).
 */
class ProductionRealmTest {

    private final JsonNode realm = read();

    @Test
    void holdsNoUserWithCredentialsOnlyServiceAccounts() {
        assertThat(realm.path("users")).allSatisfy(user -> {
            assertThat(user.has("credentials")).as(user.path("username").asText()).isFalse();
            assertThat(user.path("serviceAccountClientId").isTextual()).as(user.path("username").asText()).isTrue();
        });
    }

    @Test
    void everyConfidentialClientsSecretIsAPlaceholderTheOperatorFillsFromAKubernetesSecret() {
        JsonNode placeholders = Yaml.single(Repo.KUBERNETES.resolve("base/keycloak/realm-import.yaml"))
                .path("spec").path("placeholders");
        assertThat(realm.path("clients")).allSatisfy(client -> {
            if (client.path("publicClient").asBoolean()) {
                assertThat(client.has("secret")).isFalse();
                return;
            }
            String secret = client.path("secret").asText();
            assertThat(secret).as(client.path("clientId").asText()).matches("\\$\\{ATRIUM_[A-Z]+_CLIENT_SECRET}");
            String name = secret.substring(2, secret.length() - 1);
            assertThat(placeholders.path(name).path("secret").path("name").asText())
                    .isEqualTo(client.path("clientId").asText() + "-oidc");
        });
    }

    @Test
    void refusesBruteForceAndWeakPasswordsAndPlainHttpFromOutside() {
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(1, 30);
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)").contains("notUsername");
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Repo.ROOT.resolve("deploy/keycloak/atrium-realm.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
