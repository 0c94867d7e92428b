package dev.atrium.workspace.adapter.out.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.workspace.config.KeycloakConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The workspace service account's access token (client credentials), reused until shortly before it expires. */
@ApplicationScoped
class ServiceAccountToken {

    private final KeycloakConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private volatile Cached cached;

    ServiceAccountToken(KeycloakConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(config.timeoutMillis())).build();
    }

    synchronized String get(boolean refresh) {
        Cached c = cached;
        if (!refresh && c != null && clock.instant().isBefore(c.refreshAt)) {
            return c.token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(config.clientId()) + "&client_secret="
                + encode(config.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url() + "/realms/" + config.realm()
                        + "/protocol/openid-connect/token"))
                .timeout(Duration.ofMillis(config.timeoutMillis()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw KeycloakMembershipDirectory.unavailable("token request answered " + r.statusCode());
            }
            JsonNode body = json.readTree(r.body());
            long ttl = Math.max(body.path("expires_in").asLong(60) - 30, 5);
            cached = new Cached(body.path("access_token").asText(), clock.instant().plusSeconds(ttl));
            return cached.token;
        } catch (IOException e) {
            throw KeycloakMembershipDirectory.unavailable("token request failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KeycloakMembershipDirectory.unavailable("interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Cached(String token, Instant refreshAt) {
    }
}
