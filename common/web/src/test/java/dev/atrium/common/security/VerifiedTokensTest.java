package dev.atrium.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.testing.MutableClock;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
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

        clock.set(NOW.plusSeconds(59));
        assertThat(tokens.find("token-a")).isPresent();
        clock.set(NOW.plusSeconds(60));
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
        clock.set(NOW.plusSeconds(11));

        tokens.remember(identity("long-3", "d", NOW.plusSeconds(600)));

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.find("long-1")).isPresent();
        assertThat(tokens.find("long-3")).isPresent();
        assertThat(tokens.find("short")).isEmpty();
    }

    /** OIDC's mechanism has priority 1001 unless configured; on a tie the cache might never be asked. */
    @Test
    void theCacheAnswersBeforeOidcsMechanismAndOnlyATokenItHolds() {
        var mechanism = new VerifiedTokenIdentities.CachedBearerMechanism(tokens);
        assertThat(mechanism.getPriority()).isGreaterThan(HttpAuthenticationMechanism.DEFAULT_PRIORITY + 1);
        assertThat(new VerifiedTokenIdentities.RememberVerified(tokens).priority()).isEqualTo(Integer.MIN_VALUE);
        tokens.remember(identity("header.payload.signature", "svc", NOW.plus(Duration.ofMinutes(5))));

        SecurityIdentity cached = mechanism.authenticate(request("Bearer header.payload.signature"), null)
                .await().indefinitely();
        assertThat(cached.getPrincipal().getName()).isEqualTo("svc");
        assertThat(cached.getRoles()).containsExactly(Caller.SERVICE);
        assertThat(mechanism.authenticate(request("bearer header.payload.signature"), null).await().indefinitely())
                .as("the scheme in any case").isNotNull();
        for (String other : new String[] {"Bearer header.payload.signaturE", "Bearer ", "Basic aGVhZGVy", null}) {
            assertThat(mechanism.authenticate(request(other), null).await().indefinitely()).as(other).isNull();
        }
        assertThat(mechanism.getChallenge(request(null)).await().indefinitely()).isNull();
    }

    /** A routing context whose request carries only an Authorization header. */
    private static RoutingContext request(String authorization) {
        HttpServerRequest request = (HttpServerRequest) Proxy.newProxyInstance(
                VerifiedTokensTest.class.getClassLoader(), new Class<?>[] {HttpServerRequest.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return HttpHeaders.AUTHORIZATION.toString().equalsIgnoreCase(args[0].toString())
                                ? authorization : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (RoutingContext) Proxy.newProxyInstance(VerifiedTokensTest.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("request")) {
                        return request;
                    }
                    if (method.getName().equals("toString")) {
                        return "test routing context";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
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
}
