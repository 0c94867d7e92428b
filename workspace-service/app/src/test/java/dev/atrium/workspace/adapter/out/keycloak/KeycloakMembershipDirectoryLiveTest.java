package dev.atrium.workspace.adapter.out.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The adapter against a real Keycloak with the atrium realm imported; runs only when
 * {@code -Datrium.keycloak.live-url=http://127.0.0.1:<port>} names one (never the shared stack's), which
 * {@link FakeKeycloak} then passes to the service in place of itself.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeKeycloak.class, parallel = true)
@EnabledIfSystemProperty(named = "atrium.keycloak.live-url", matches = "http.+")
class KeycloakMembershipDirectoryLiveTest {

    private final String url = System.getProperty("atrium.keycloak.live-url");

    @Inject
    KeycloakMembershipDirectory directory;

    @Inject
    OidcClient serviceAccount;

    @Inject
    ObjectMapper json;

    @Test
    void serviceAccountMaintainsTenantGroupsOfARealUser() throws Exception {
        String user = adminUserId();
        String org = "org_live" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "/orgs/" + org + "/admin";
        String member = "/orgs/" + org + "/workspaces/ws_live/member";

        assertThat(directory.userExists(user)).isTrue();
        assertThat(directory.userExists(UUID.randomUUID().toString())).isFalse();
        directory.join(user, admin);
        directory.join(user, member);
        assertThat(directory.groupsOf(user)).contains(admin, member);
        directory.leave(user, admin);
        directory.leave(user, member);
        assertThat(directory.groupsOf(user)).doesNotContain(admin, member);
    }

    private String adminUserId() throws Exception {
        String token = serviceAccount.getTokens().await().atMost(Duration.ofSeconds(10)).getAccessToken();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                + "/admin/realms/atrium/users?username=atrium-admin&exact=true"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body()).get(0).get("id").asText();
    }
}
