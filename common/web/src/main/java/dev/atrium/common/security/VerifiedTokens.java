package dev.atrium.common.security;

import dev.atrium.common.cache.KeptValues;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identities of bearer tokens whose signature was already verified, by the token itself (the
 * identity holds it anyway, as its credential), until the token expires. A token's claims cannot change and tokens are verified locally (no introspection), so
 * answering a repeated token from here decides exactly what verifying it again would: the gateway sends
 * the same service token on every internal call, and the RS256 check was 10-15 % of each service's CPU.
 */
public final class VerifiedTokens {

    private final Clock clock;
    /** Each until its token's expiry, on the clock's milliseconds; past {@code capacity}, expired ones go first. */
    private final KeptValues<String, SecurityIdentity> entries;

    public VerifiedTokens(Clock clock, int capacity) {
        this.clock = clock;
        this.entries = KeptValues.eachUntil(capacity, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    public Optional<SecurityIdentity> find(String token) {
        return Optional.ofNullable(entries.find(token));
    }

    /** Keeps an identity verified from a JWT with an expiry; anything else is not kept. */
    public void remember(SecurityIdentity identity) {
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential == null || credential.getToken() == null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getClaimNames() == null || !jwt.getClaimNames().contains(Claims.exp.name())) {
            return;
        }
        Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
        Instant now = clock.instant();
        if (!now.isBefore(expires)) {
            return;
        }
        entries.keepUntil(credential.getToken(), identity, entries.generation(),
                TimeUnit.MILLISECONDS.toNanos(expires.toEpochMilli()));
    }

    int size() {
        return (int) entries.size();
    }
}
