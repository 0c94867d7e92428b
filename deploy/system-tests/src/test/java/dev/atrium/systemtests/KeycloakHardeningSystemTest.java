package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The realm the stack imports refuses brute force and weak passwords. A user of its own is made through
 * Keycloak's admin API with workspace-service's service account (it manages users), so the demo admin the
 * other tests log in with is never locked.
 */
class KeycloakHardeningSystemTest {

    private static final String PASSWORD = "a-Long-enough-passphrase-42";

    @Test
    void thirtyWrongPasswordsLockTheAccountSoTheRightOneNoLongerLogsIn() {
        String username = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(username, PASSWORD).then().statusCode(201);
        assertThat(login(username, PASSWORD)).as("before any failure").isEqualTo(200);

        for (int i = 0; i < 30; i++) {
            assertThat(login(username, "wrong-" + i)).as("wrong password %d", i).isNotEqualTo(200);
        }
        assertThat(login(username, PASSWORD)).as("the right password after 30 wrong ones").isNotEqualTo(200);
    }

    /** The local realm keeps the production policy but for notUsername (its demo admin's password is its name). */
    @Test
    void aPasswordShorterThanTwelveCharactersIsRefused() {
        String username = "weak-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(createUser(username, "short").statusCode()).isEqualTo(400);
        assertThat(createUser(username, "elevenchars").statusCode()).isEqualTo(400);
        assertThat(createUser(username, "twelve-chars").statusCode()).as("the policy's own bound").isEqualTo(201);
    }

    private static io.restassured.response.Response createUser(String username, String password) {
        return given().header("Authorization", "Bearer " + workspaceServiceToken()).contentType("application/json")
                // A complete profile (Keycloak's user profile requires email and names), so nothing but the
                // password stands between the user and a token.
                .body(Map.of("username", username, "enabled", true, "email", username + "@probe.atrium.local",
                        "emailVerified", true, "firstName", "Probe", "lastName", "User", "credentials",
                        List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post(SharedStack.get().keycloakUrl() + "/admin/realms/atrium/users");
    }

    private static int login(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "atrium-admin")
                .formParam("username", username).formParam("password", password)
                .post(SharedStack.get().keycloakUrl() + "/realms/atrium/protocol/openid-connect/token").statusCode();
    }

    private static String workspaceServiceToken() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "atrium-workspace")
                .formParam("client_secret", "local-workspace-secret")
                .post(SharedStack.get().keycloakUrl() + "/realms/atrium/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
