package dev.atrium.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.local.testing.MutableClock;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The resolver against a fake of workspace-service's internal route (what the REST client would answer). */
class RemoteManagementKeysTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));
    private final ManagementKeyIdentity identity = new ManagementKeyIdentity("mk_1", "org_1", "user-1",
            Set.of("/orgs/org_1/admin"));
    private final FakeWorkspaceInternal workspace = new FakeWorkspaceInternal();
    private final List<String> asked = workspace.asked;

    {
        workspace.keys.put("secret", identity);
    }

    private final RemoteManagementKeys keys = new RemoteManagementKeys(workspace, clock, Duration.ofSeconds(1));

    @Test
    void anAnswerIsKeptForLessThanTheCacheTimeOnly() {
        assertThat(authenticate("secret").getPrincipal().getName()).isEqualTo("user-1");
        clock.advance(Duration.ofMillis(999));
        workspace.keys.remove("secret");
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
        workspace.down = true;
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
}
