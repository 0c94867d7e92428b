package dev.atrium.common.security;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Takes {@code Authorization: Bearer sk-at-mgmt-v1-...} before any other mechanism (OIDC's would refuse it
 * as a malformed token) and hands it to the service's {@link ManagementKeyRequest} identity provider:
 * workspace-service resolves it locally, the other services ask workspace-service
 * ({@link RemoteManagementKeys}). Every other request passes (null) to the next mechanism.
 */
@ApplicationScoped
@IfBuildProperty(name = "atrium.security.management-keys.enabled", stringValue = "true")
class ManagementKeyMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    /** Before OIDC's (1001), after the cache of verified tokens, which never holds a management key. */
    @Override
    public int getPriority() {
        return Integer.MAX_VALUE - 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviders) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String secret = header.substring(BEARER.length()).trim();
        if (!ManagementKeyIdentity.looksLikeOne(secret)) {
            return Uni.createFrom().nullItem();
        }
        ManagementKeyRequest request = new ManagementKeyRequest(secret);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviders.authenticate(request);
    }

    /** OIDC's mechanism challenges. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ManagementKeyRequest.class);
    }
}
