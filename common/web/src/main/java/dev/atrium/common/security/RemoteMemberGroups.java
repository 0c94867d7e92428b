package dev.atrium.common.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.error.ApiException;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asks workspace-service's {@code GET /internal/v1/members/{user}/groups} with this service's own
 * service-account token. Any failure is 503: the caller's rights are unknown, and a token's own groups are
 * never taken instead (they may name a membership removed since the token was issued).
 */
@ApplicationScoped
@IfBuildProperty(name = "atrium.security.management-keys.resolver", stringValue = "remote")
class RemoteMemberGroups implements MemberGroupsSource {

    private static final Logger LOG = Logger.getLogger(RemoteMemberGroups.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ServiceTokens.CALL_TIMEOUT).build();
    private final ObjectMapper json;
    private final ServiceTokens tokens;
    private final String membersUrl;

    RemoteMemberGroups(ObjectMapper json, ServiceTokens tokens,
            @ConfigProperty(name = "atrium.security.management-keys.workspace-url") String workspaceUrl) {
        this.json = json;
        this.tokens = tokens;
        this.membersUrl = workspaceUrl.replaceAll("/+$", "") + "/internal/v1/members/";
    }

    @Override
    public Set<String> groupsOf(String userId) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(membersUrl
                    + URLEncoder.encode(userId, StandardCharsets.UTF_8).replace("+", "%20") + "/groups"))
                    .timeout(ServiceTokens.CALL_TIMEOUT).header("Authorization", "Bearer " + tokens.current())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw unavailable("workspace-service answered " + answer.statusCode());
            }
            return json.readValue(answer.body(), MemberGroups.class).groups();
        } catch (IOException e) {
            throw unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private static ApiException unavailable(String detail) {
        LOG.warnf("The caller's memberships could not be read from workspace-service: %s", detail);
        return new ApiException(503, "The caller's memberships cannot be checked now; try again shortly");
    }
}
