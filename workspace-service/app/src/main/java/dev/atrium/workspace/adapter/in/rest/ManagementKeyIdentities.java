package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.security.ManagementKeyIdentity;
import dev.atrium.common.security.ManagementKeyRequest;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.ResolveManagementKeyUseCase;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.ResolvedManagementKey;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * This service resolves management keys itself, on every request (no cache: its database is the record
 * the other services' one-second caches follow). The identity is the one every service builds
 * ({@link ManagementKeyIdentity}), so {@link TenantGuard} and the other services decide alike.
 */
@ApplicationScoped
class ManagementKeyIdentities implements IdentityProvider<ManagementKeyRequest> {

    private final ResolveManagementKeyUseCase resolve;

    ManagementKeyIdentities(ResolveManagementKeyUseCase resolve) {
        this.resolve = resolve;
    }

    @Override
    public Class<ManagementKeyRequest> getRequestType() {
        return ManagementKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ManagementKeyRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> find(request.secret()).map(ManagementKeyIdentity::toSecurityIdentity)
                .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked management key")));
    }

    Optional<ManagementKeyIdentity> find(String secret) {
        return resolve.resolve(secret).map(ManagementKeyIdentities::toIdentity);
    }

    private static ManagementKeyIdentity toIdentity(ResolvedManagementKey r) {
        return new ManagementKeyIdentity(r.key().id(), r.key().organizationId(), r.key().creatorUserId(), r.groups());
    }
}
