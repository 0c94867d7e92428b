package dev.atrium.common.security;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires {@link VerifiedTokens} into Quarkus security: the first authentication mechanism answers a
 * bearer token it has seen verified and otherwise passes (null) to OIDC's; the last augmentor
 * remembers what OIDC verified.
 */
@ApplicationScoped
class VerifiedTokenIdentities {

    /** Enough for every admin and service token alive at once; a full cache drops expired entries first. */
    private static final int CAPACITY = 10_000;

    @Produces
    @Singleton
    VerifiedTokens verifiedTokens(Clock clock) {
        return new VerifiedTokens(clock, CAPACITY);
    }

    /**
     * Answers a bearer token it has seen verified before any other mechanism, OIDC's included, looks
     * at it: no credential is built (OIDC's decodes the token's JSON to tell a JWT from an opaque
     * token), no identity provider or augmentor runs; the identity is the one they finished for the
     * token's first request. Any other request passes (null) to OIDC's mechanism, which verifies.
     * Only in services that verify tokens with OIDC (the build property), so the gateway, which has
     * none, keeps its API keys to itself.
     */
    @ApplicationScoped
    @IfBuildProperty(name = "atrium.security.verified-token-cache", stringValue = "true")
    static class CachedBearerMechanism implements HttpAuthenticationMechanism {

        private static final String BEARER = "Bearer ";

        private final VerifiedTokens tokens;

        CachedBearerMechanism(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        /** Before every other mechanism: OIDC's priority is 1001 unless configured otherwise. */
        @Override
        public int getPriority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviders) {
            String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || header.length() <= BEARER.length()
                    || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom().item(tokens.find(header.substring(BEARER.length()).trim())
                    .map(identity -> forThisRequest(identity, context)).orElse(null));
        }

        /** OIDC's mechanism challenges. */
        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().nullItem();
        }

        /** The identity as verified, but attached to this request's routing context, not the first one's. */
        private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext current) {
            return QuarkusSecurityIdentity.builder(identity).addAttribute(RoutingContext.class.getName(), current)
                    .build();
        }
    }

    /**
     * Only beside {@link CachedBearerMechanism}, its one reader. An identity the mechanism answered never
     * reaches an augmentor, so what arrives here was just verified.
     */
    @ApplicationScoped
    @IfBuildProperty(name = "atrium.security.verified-token-cache", stringValue = "true")
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
            if (!identity.isAnonymous()) {
                tokens.remember(identity);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
