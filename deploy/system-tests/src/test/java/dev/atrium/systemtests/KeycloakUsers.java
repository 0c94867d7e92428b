package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;

import dev.atrium.local.AdminClient;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Realm users made and deleted through Keycloak's admin API, as workspace-service's service account may. */
final class KeycloakUsers {

    /** A user's Keycloak id ({@code sub}) and login. */
    record User(String id, String username, String password) {

        /** A fresh access token of this user: its groups claim is what the user holds now. */
        String token() {
            return AdminClient.passwordGrant(SharedStack.get().keycloakUrl(), username, password);
        }
    }

    private KeycloakUsers() {
    }

    static User create(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        Response created = admin().contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "emailVerified", true,
                        "email", username + "@atrium.test", "firstName", "Test", "lastName", prefix,
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post(users());
        created.then().statusCode(201);
        String location = created.header("Location");
        return new User(location.substring(location.lastIndexOf('/') + 1), username, password);
    }

    static void delete(User user) {
        admin().delete(users() + "/" + user.id()).then().statusCode(204);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        String token = given().formParam("grant_type", "client_credentials").formParam("client_id", "atrium-workspace")
                .formParam("client_secret", "local-workspace-secret")
                .post(SharedStack.get().keycloakUrl() + "/realms/atrium/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().header("Authorization", "Bearer " + token);
    }

    private static String users() {
        return SharedStack.get().keycloakUrl() + "/admin/realms/atrium/users";
    }
}
