package dev.atrium.common.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's own service-account token (client credentials of its OIDC client), for the calls it makes
 * to workspace-service's internal routes ({@link RemoteManagementKeys}, {@link RemoteMemberGroups}): fetched
 * once and again shortly before it expires.
 */
@ApplicationScoped
@IfBuildProperty(name = "atrium.security.management-keys.resolver", stringValue = "remote")
class ServiceTokens {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /** A service token is fetched again this long before it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    private final ObjectMapper json;
    private final Clock clock;
    private final URI tokenUri;
    private final String tokenForm;
    private volatile ServiceToken token;

    ServiceTokens(ObjectMapper json, Clock clock,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
            @ConfigProperty(name = "quarkus.oidc.credentials.secret") String clientSecret) {
        this.json = json;
        this.clock = clock;
        this.tokenUri = URI.create(authServerUrl.replaceAll("/+$", "") + "/protocol/openid-connect/token");
        this.tokenForm = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    }

    String current() throws IOException, InterruptedException {
        ServiceToken current = token;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.refreshAt())) {
            return current.value();
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokenUri).timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(tokenForm)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("the token endpoint answered " + answer.statusCode());
        }
        JsonNode body = json.readTree(answer.body());
        long lifetime = body.path("expires_in").asLong(60);
        ServiceToken fresh = new ServiceToken(body.path("access_token").asText(),
                now.plusSeconds(lifetime).minus(TOKEN_MARGIN));
        token = fresh;
        return fresh.value();
    }

    private record ServiceToken(String value, Instant refreshAt) {
    }
}
