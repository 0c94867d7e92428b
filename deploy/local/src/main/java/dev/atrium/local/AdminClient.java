package dev.atrium.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The demo platform admin, as a script would use it: a Keycloak password grant, then REST calls. */
public final class AdminClient {

    public static final String CLIENT_ID = "atrium-admin";
    public static final String USERNAME = "atrium-admin";
    public static final String PASSWORD = "atrium-admin";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String token;

    private AdminClient(String token) {
        this.token = token;
    }

    public static AdminClient login(String keycloakUrl) {
        return new AdminClient(passwordGrant(keycloakUrl, USERNAME, PASSWORD));
    }

    public String token() {
        return token;
    }

    /** An access token from the public admin client, for any user of the realm. */
    public static String passwordGrant(String keycloakUrl, String username, String password) {
        String form = "grant_type=password&client_id=" + CLIENT_ID + "&username=" + encode(username) + "&password="
                + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + KeycloakServer.REALM
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode answer = send(request, 200);
        return answer.path("access_token").asText();
    }

    public JsonNode post(String url, Object body, Map<String, String> headers, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(request.build(), expectedStatus);
    }

    private static JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
