package dev.atrium.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.local.testing.MutableClock;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CurrentRightsTest {

    private static final String ADMIN = "/orgs/org_1/admin";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));
    private final FakeWorkspaceInternal workspace = new FakeWorkspaceInternal();
    private final Map<String, Set<String>> record = workspace.groups;
    private final CurrentRights rights = new CurrentRights(clock, workspace, Duration.ofSeconds(1));

    {
        record.put("alice", Set.of(ADMIN));
    }

    @Test
    void aUserTokensRightsAreTheMembershipRecordsNotItsGroups() {
        SecurityIdentity stale = token("bob", ADMIN);

        assertThat(rights.of(stale).orgAdmin("org_1")).as("bob's token names the admin group, the record does not")
                .isFalse();
        assertThat(rights.of(token("alice")).orgAdmin("org_1")).isTrue();
    }

    @Test
    void aRemovalAppliesOnceTheKeptAnswerIsASecondOld() {
        SecurityIdentity alice = token("alice", ADMIN);
        assertThat(rights.of(alice).orgAdmin("org_1")).isTrue();

        record.remove("alice");
        clock.advance(Duration.ofMillis(999));
        assertThat(rights.of(alice).orgAdmin("org_1")).as("kept for up to a second").isTrue();
        assertThat(workspace.asked).as("a burst of calls asks once").hasSize(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(rights.of(alice).orgAdmin("org_1")).as("a second after the answer was read").isFalse();
        assertThat(rights.of(alice).seesOrganization("org_1")).isFalse();
        assertThat(workspace.asked).hasSize(2);
    }

    @Test
    void anUnreachableWorkspaceServiceRefusesRatherThanTrustingTheToken() {
        workspace.down = true;

        assertThatThrownBy(() -> rights.of(token("alice", ADMIN))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void aPlatformAdminKeepsTheRealmRoleWithoutAsking() {
        SecurityIdentity admin = QuarkusSecurityIdentity.builder().setPrincipal(jwt("ops"))
                .addRole(Caller.PLATFORM_ADMIN).build();

        assertThat(rights.of(admin).orgAdmin("org_9")).isTrue();
        assertThat(workspace.asked).isEmpty();
    }

    @Test
    void aManagementKeyCarriesTheGroupsItWasJustResolvedWith() {
        SecurityIdentity key = new ManagementKeyIdentity("mk_1", "org_1", "carol", Set.of(ADMIN))
                .toSecurityIdentity();

        assertThat(rights.of(key).orgAdmin("org_1")).isTrue();
        assertThat(workspace.asked).isEmpty();
    }

    private static SecurityIdentity token(String subject, String... groups) {
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt(subject)).addRoles(Set.of(groups)).build();
    }

    private static JsonWebToken jwt(String subject) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("sub");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "sub".equals(claimName) ? (T) subject : null;
            }
        };
    }
}
