package dev.atrium.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLocalStackImportsTheProductionRealmWithItsDemoAdminAndLocalSecrets() throws Exception {
        ObjectNode merged = LocalRealm.merge(Path.of("../keycloak/atrium-realm.json"),
                Path.of("keycloak/atrium-realm-local.json"));

        assertThat(merged.path("users").findValuesAsText("username")).contains("atrium-admin",
                "service-account-atrium-gateway");
        merged.path("clients").forEach(client -> assertThat(client.path("secret").asText())
                .as(client.path("clientId").asText()).doesNotStartWith("${"));
        assertThat(merged.path("clients").findValuesAsText("secret")).contains("local-gateway-secret");
        assertThat(merged.path("bruteForceProtected").asBoolean()).as("kept from the production realm").isTrue();
        assertThat(merged.has("_comment")).isFalse();
    }

    @Test
    void anAdditionForAClientTheRealmLacksIsRefused() throws Exception {
        ObjectNode realm = (ObjectNode) JSON.readTree("{\"clients\":[{\"clientId\":\"a\"}]}");
        ObjectNode additions = (ObjectNode) JSON.readTree("{\"clients\":[{\"clientId\":\"b\",\"secret\":\"s\"}]}");
        assertThatThrownBy(() -> LocalRealm.merge(realm, additions)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addedClientsJoinTheRealmWhole() throws Exception {
        ObjectNode merged = LocalRealm.merge(Path.of("../keycloak/atrium-realm.json"),
                Path.of("keycloak/atrium-realm-local.json"));
        var automation = merged.path("clients").findParents("clientId").stream()
                .filter(c -> c.path("clientId").asText().equals("atrium-automation-local")).findFirst().orElseThrow();
        assertThat(automation.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(automation.path("protocolMappers").findValuesAsText("protocolMapper"))
                .contains("oidc-audience-mapper", "oidc-group-membership-mapper");
        assertThat(merged.has("addedClients")).isFalse();
    }
}
