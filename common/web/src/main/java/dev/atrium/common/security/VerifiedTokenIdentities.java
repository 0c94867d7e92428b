package dev.atrium.common.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires {@link VerifiedTokens} into Quarkus security: asked first for a bearer token, it answers a
 * token it has seen verified and otherwise passes (null) to the OIDC provider; the last augmentor
 * remembers what OIDC verified. Services without OIDC never see a token request.
 */
@ApplicationScoped
class VerifiedTokenIdentities {

    /** Enough for every admin and service token alive at once; a full cache drops expired entries first. */
    private static final int CAPACITY = 10_000;
    private static final String FROM_CACHE = "atrium.verified-token";

    @Produces
    @Singleton
    VerifiedTokens verifiedTokens(Clock clock) {
        return new VerifiedTokens(clock, CAPACITY);
    }

    @ApplicationScoped
    static class CachedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        CachedTokenProvider(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Before every other provider: a provider's default priority (OIDC's too) is 1001, and a tie has no order. */
        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.find(request.getToken().getToken())
                    .map(identity -> forThisRequest(identity, HttpSecurityUtils.getRoutingContextAttribute(request)))
                    .orElse(null));
        }

        /** The identity as verified, but attached to this request's routing context, not the first one's. */
        private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext current) {
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(FROM_CACHE, Boolean.TRUE);
            if (current != null) {
                builder.addAttribute(RoutingContext.class.getName(), current);
            }
            return builder.build();
        }
    }

    @ApplicationScoped
    static class RememberVerified implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        RememberVerified(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        /** Last, so the identity kept is the one every other augmentor already finished. */
        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (!identity.isAnonymous() && identity.getAttribute(FROM_CACHE) == null) {
                tokens.remember(identity);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
