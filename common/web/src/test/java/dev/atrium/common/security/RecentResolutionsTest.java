package dev.atrium.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentResolutionsTest {

    private final MutableClock clock = new MutableClock();
    private final RecentResolutions recent = new RecentResolutions(clock, Duration.ofSeconds(1));
    private final ManagementKeyIdentity identity = new ManagementKeyIdentity("mk_1", "org_1", "user-1",
            Set.of("/orgs/org_1/admin"));

    @Test
    void anAnswerIsKeptForLessThanTheCacheTimeOnly() {
        recent.remember("secret", identity);
        clock.advance(Duration.ofMillis(999));
        assertThat(recent.find("secret")).contains(Optional.of(identity));
        clock.advance(Duration.ofMillis(1));
        assertThat(recent.find("secret")).isEmpty();
    }

    @Test
    void aRefusalIsKeptTooSoABadKeyDoesNotAskAgainAndAgain() {
        recent.remember("bad", null);
        assertThat(recent.find("bad")).contains(Optional.empty());
        assertThat(recent.find("never-seen")).isEmpty();
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
}
