package dev.atrium.common.security;

import dev.atrium.common.cache.KeptValues;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Resolves a management key at a service other than workspace-service: asks workspace-service's internal
 * route ({@link WorkspaceInternalApi}, with this service's own service-account token), and keeps each
 * answer, found or refused, for {@code atrium.security.management-keys.cache} (1 s): the bound on how long a
 * revoked key or a removed admin still passes here, while a script's burst of calls asks once. A
 * workspace-service that cannot answer (down, slow, no token) refuses the key (401): a management key never
 * passes unchecked.
 */
@ApplicationScoped
@IfBuildProperty(name = "atrium.security.management-keys.resolver", stringValue = "remote")
class RemoteManagementKeys implements IdentityProvider<ManagementKeyRequest> {

    private static final int KEPT_AT_MOST = 10_000;

    private final WorkspaceInternalApi workspace;
    /** Per secret: the identity, or empty for a refused key. */
    private final KeptValues<String, Optional<ManagementKeyIdentity>> recent;

    RemoteManagementKeys(@RestClient WorkspaceInternalApi workspace, Clock clock,
            @ConfigProperty(name = "atrium.security.management-keys.cache", defaultValue = "1s") Duration cache) {
        this.workspace = workspace;
        this.recent = KeptValues.keptFor(KEPT_AT_MOST, cache, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    @Override
    public Class<ManagementKeyRequest> getRequestType() {
        return ManagementKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ManagementKeyRequest request, AuthenticationRequestContext context) {
        String secret = request.secret();
        Optional<ManagementKeyIdentity> known = recent.find(secret);
        if (known != null) {
            return identity(known);
        }
        long began = recent.generation();
        long asked = recent.now();
        return workspace.resolveManagementKey(Map.of("key", secret)).map(Optional::of)
                .onFailure(RemoteManagementKeys::refused).recoverWithItem(Optional.empty())
                .onFailure().transform(e -> new AuthenticationFailedException(
                        "workspace-service could not resolve a management key", e))
                .flatMap(resolved -> {
                    recent.keep(secret, resolved, began, asked);
                    return identity(resolved);
                });
    }

    /** workspace-service's 404: the key is unknown or revoked. */
    private static boolean refused(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse().getStatus() == 404;
    }

    private static Uni<SecurityIdentity> identity(Optional<ManagementKeyIdentity> known) {
        return known.map(k -> Uni.createFrom().item(k.toSecurityIdentity())).orElseGet(() -> Uni.createFrom()
                .failure(new AuthenticationFailedException("Unknown or revoked management key")));
    }
}
