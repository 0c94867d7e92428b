package dev.atrium.common.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves a management key at a service other than workspace-service: asks workspace-service's internal
 * route with this service's own service-account token (client credentials of its OIDC client), and keeps
 * each answer, found or refused, for {@code atrium.security.management-keys.cache} (1 s): the bound on how
 * long a revoked key or a removed admin still passes here. A workspace-service that cannot answer refuses
 * the key (401): a management key never passes unchecked.
 */
@ApplicationScoped
@IfBuildProperty(name = "atrium.security.management-keys.resolver", stringValue = "remote")
class RemoteManagementKeys implements IdentityProvider<ManagementKeyRequest> {

    private static final Duration CALL_TIMEOUT = ServiceTokens.CALL_TIMEOUT;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    private final ObjectMapper json;
    private final ServiceTokens tokens;
    private final RecentResolutions recent;
    private final URI resolveUri;

    RemoteManagementKeys(ObjectMapper json, Clock clock, ServiceTokens tokens,
            @ConfigProperty(name = "atrium.security.management-keys.workspace-url") String workspaceUrl,
            @ConfigProperty(name = "atrium.security.management-keys.cache", defaultValue = "1s") Duration cache) {
        this.json = json;
        this.tokens = tokens;
        this.recent = new RecentResolutions(clock, cache);
        this.resolveUri = URI.create(workspaceUrl.replaceAll("/+$", "") + "/internal/v1/management-keys/resolve");
    }

    @Override
    public Class<ManagementKeyRequest> getRequestType() {
        return ManagementKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ManagementKeyRequest request, AuthenticationRequestContext context) {
        Optional<Optional<ManagementKeyIdentity>> known = recent.find(request.secret());
        if (known.isPresent()) {
            return identity(known.get());
        }
        return context.runBlocking(() -> {
            Optional<ManagementKeyIdentity> resolved = resolve(request.secret());
            recent.remember(request.secret(), resolved.orElse(null));
            return resolved.map(ManagementKeyIdentity::toSecurityIdentity)
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked management key"));
        });
    }

    private static Uni<SecurityIdentity> identity(Optional<ManagementKeyIdentity> known) {
        return known.map(k -> Uni.createFrom().item(k.toSecurityIdentity())).orElseGet(() -> Uni.createFrom()
                .failure(new AuthenticationFailedException("Unknown or revoked management key")));
    }

    private Optional<ManagementKeyIdentity> resolve(String secret) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(resolveUri).timeout(CALL_TIMEOUT)
                    .header("Authorization", "Bearer " + tokens.current()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("key", secret))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404) {
                return Optional.empty();
            }
            if (answer.statusCode() != 200) {
                throw new AuthenticationFailedException("workspace-service answered " + answer.statusCode()
                        + " resolving a management key");
            }
            return Optional.of(json.readValue(answer.body(), ManagementKeyIdentity.class));
        } catch (IOException e) {
            throw new AuthenticationFailedException("workspace-service could not resolve a management key", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationFailedException(e);
        }
    }

}
