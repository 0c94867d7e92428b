package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every service keeps the identity of a Keycloak token it verified until the token expires (common/web's
 * VerifiedTokens). What this test holds against the real Keycloak is what that cache must never do: a
 * token differing from a cached one only in its signature or in one claim is refused, however often the
 * genuine one was seen, and the genuine one keeps working. That the cache is asked at all (its mechanism
 * before OIDC's) is pinned by VerifiedTokensTest, and was seen in a JFR profile (no RS256 per call).
 */
class AdminTokenTest {

    private static Ports ports;
    private static AdminClient admin;
    private static List<String> urls;

    @BeforeAll
    static void tenant() {
        ports = SharedStack.ports();
        admin = AdminClient.login(SharedStack.get().keycloakUrl());
        String org = Tenants.organization(admin, "tokens");
        String ws = Tenants.workspace(admin, org, "apps");
        Tenants.awaitGuardrailKnows(admin, ws);
        urls = List.of(
                SharedStack.url(ports.workspace(), "/api/v1/organizations/" + org),
                SharedStack.url(ports.guardrail(), "/api/v1/workspaces/" + ws + "/guardrails/effective"),
                SharedStack.url(ports.routing(), "/api/v1/providers/stats"),
                SharedStack.url(ports.billing(), "/api/v1/organizations/" + org + "/balance"));
    }

    @Test
    void aVerifiedTokenIsAcceptedAgainAndNoAlteredCopyOfItIs() {
        String token = admin.token();
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + flipFirst(parts[2]);
        String otherSubject = parts[0] + "." + withSubject(parts[1], "someone-else") + "." + parts[2];

        for (String url : urls) {
            for (int i = 0; i < 3; i++) {
                assertThat(status(url, token)).as("genuine token, call %d, %s", i + 1, url).isEqualTo(200);
            }
            assertThat(status(url, otherSignature)).as("altered signature, %s", url).isEqualTo(401);
            assertThat(status(url, otherSubject)).as("altered claim, %s", url).isEqualTo(401);
            assertThat(status(url, token)).as("genuine token after the altered ones, %s", url).isEqualTo(200);
        }
    }

    private static int status(String url, String token) {
        return given().header("Authorization", "Bearer " + token).get(url).statusCode();
    }

    private static String flipFirst(String base64url) {
        char first = base64url.charAt(0);
        return (first == 'A' ? 'B' : 'A') + base64url.substring(1);
    }

    private static String withSubject(String payload, String subject) {
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        String changed = json.replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":\"" + subject + "\"");
        assertThat(changed).as("the token names a subject").isNotEqualTo(json);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8));
    }
}
