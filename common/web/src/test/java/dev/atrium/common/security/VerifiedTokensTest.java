package dev.atrium.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private MutableClock clock = new MutableClock(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(clock, 3);

    @Test
    void answersOnlyTheVerifiedTokenItself() {
        SecurityIdentity verified = identity("token-a", "service-a", NOW.plusSeconds(300));
        tokens.remember(verified);

        assertThat(tokens.find("token-a")).containsSame(verified);
        assertThat(tokens.find("token-a-tampered")).isEmpty();
        assertThat(tokens.find("token-b")).isEmpty();
    }

    @Test
    void forgetsATokenWhenItExpires() {
        tokens.remember(identity("token-a", "service-a", NOW.plusSeconds(60)));

        clock.now = NOW.plusSeconds(59);
        assertThat(tokens.find("token-a")).isPresent();
        clock.now = NOW.plusSeconds(60);
        assertThat(tokens.find("token-a")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void keepsNothingWithoutAJwtExpiryOrAlreadyExpired() {
        tokens.remember(identity("no-exp", "service-a", null));
        tokens.remember(identity("expired", "service-a", NOW.minusSeconds(1)));
        tokens.remember(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("basic"))
                .addCredential(new TokenCredential("opaque", "bearer")).build());

        assertThat(tokens.find("no-exp")).isEmpty();
        assertThat(tokens.find("expired")).isEmpty();
        assertThat(tokens.find("opaque")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aFullCacheDropsExpiredEntriesBeforeAnythingElse() {
        tokens.remember(identity("short", "a", NOW.plusSeconds(10)));
        tokens.remember(identity("long-1", "b", NOW.plusSeconds(600)));
        tokens.remember(identity("long-2", "c", NOW.plusSeconds(600)));
        clock.now = NOW.plusSeconds(11);

        tokens.remember(identity("long-3", "d", NOW.plusSeconds(600)));

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.find("long-1")).isPresent();
        assertThat(tokens.find("long-3")).isPresent();
        assertThat(tokens.find("short")).isEmpty();
    }

    /** OIDC's provider keeps the interface's default priority; on a tie the cache might never be asked. */
    @Test
    void theCacheIsAskedBeforeTheOidcProvider() {
        IdentityProvider<TokenAuthenticationRequest> oidcLike = new IdentityProvider<>() {
            @Override
            public Class<TokenAuthenticationRequest> getRequestType() {
                return TokenAuthenticationRequest.class;
            }

            @Override
            public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                    AuthenticationRequestContext context) {
                return Uni.createFrom().nullItem();
            }
        };
        assertThat(new VerifiedTokenIdentities.CachedTokenProvider(tokens).priority())
                .isGreaterThan(oidcLike.priority());
        assertThat(new VerifiedTokenIdentities.RememberVerified(tokens).priority()).isEqualTo(Integer.MIN_VALUE);
    }

    private static SecurityIdentity identity(String token, String subject, Instant expires) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Jwt(subject, expires))
                .addCredential(new TokenCredential(token, "bearer")).addRole(Caller.SERVICE).build();
    }

    private record Jwt(String subject, Instant expires) implements JsonWebToken {

        @Override
        public String getName() {
            return subject;
        }

        @Override
        public Set<String> getClaimNames() {
            return expires == null ? Set.of("sub") : Set.of("sub", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            Map<String, Object> claims = expires == null ? Map.of("sub", subject)
                    : Map.of("sub", subject, "exp", expires.getEpochSecond());
            return (T) claims.get(claimName);
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
