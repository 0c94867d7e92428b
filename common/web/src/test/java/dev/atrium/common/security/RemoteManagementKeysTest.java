package dev.atrium.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The resolver against a fake of workspace-service's internal route (what the REST client would answer). */
class RemoteManagementKeysTest {

    private final MutableClock clock = new MutableClock();
    private final ManagementKeyIdentity identity = new ManagementKeyIdentity("mk_1", "org_1", "user-1",
            Set.of("/orgs/org_1/admin"));
    private final List<String> asked = new ArrayList<>();
    /** The keys workspace-service knows; "down" makes it unreachable. */
    private final Map<String, ManagementKeyIdentity> known = new HashMap<>(Map.of("secret", identity));
    private final WorkspaceInternalApi workspace = body -> {
        String key = body.get("key");
        asked.add(key);
        if (key.equals("down")) {
            return Uni.createFrom().failure(new ProcessingException("Connection refused"));
        }
        ManagementKeyIdentity found = known.get(key);
        return found == null ? Uni.createFrom().failure(new WebApplicationException(404))
                : Uni.createFrom().item(found);
    };
    private final RemoteManagementKeys keys = new RemoteManagementKeys(workspace, clock, Duration.ofSeconds(1));

    @Test
    void anAnswerIsKeptForLessThanTheCacheTimeOnly() {
        assertThat(authenticate("secret").getPrincipal().getName()).isEqualTo("user-1");
        clock.advance(Duration.ofMillis(999));
        known.remove("secret");
        assertThat(authenticate("secret").getPrincipal().getName()).isEqualTo("user-1");
        assertThat(asked).containsExactly("secret");
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> authenticate("secret")).isInstanceOf(AuthenticationFailedException.class);
        assertThat(asked).containsExactly("secret", "secret");
    }

    @Test
    void aRefusalIsKeptTooSoABadKeyDoesNotAskAgainAndAgain() {
        assertThatThrownBy(() -> authenticate("bad")).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("Unknown or revoked");
        assertThatThrownBy(() -> authenticate("bad")).isInstanceOf(AuthenticationFailedException.class);
        assertThat(asked).containsExactly("bad");
    }

    @Test
    void anUnreachableWorkspaceServiceRefusesTheKeyAndIsAskedAgainNextTime() {
        assertThatThrownBy(() -> authenticate("down")).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("could not resolve");
        assertThatThrownBy(() -> authenticate("down")).isInstanceOf(AuthenticationFailedException.class);
        assertThat(asked).containsExactly("down", "down");
    }

    @Test
    void theIdentityCarriesTheGroupsAsRolesAndTheOrganizationButNoRealmRole() {
        var security = identity.toSecurityIdentity();
        assertThat(security.getPrincipal().getName()).isEqualTo("user-1");
        assertThat(security.getRoles()).containsExactly("/orgs/org_1/admin");
        assertThat(Caller.managementKeyOrganization(security)).isEqualTo("org_1");
        assertThat(Caller.isPlatformAdmin(security)).isFalse();
        assertThat(Caller.isOrgAdmin(security, "org_1")).isTrue();
        assertThat(Caller.isOrgAdmin(security, "org_2")).isFalse();
    }

    private SecurityIdentity authenticate(String secret) {
        return keys.authenticate(new ManagementKeyRequest(secret), null).await().atMost(Duration.ofSeconds(5));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
