package dev.atrium.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CurrentRightsTest {

    private static final String ADMIN = "/orgs/org_1/admin";

    private final MutableClock clock = new MutableClock();
    private final Map<String, Set<String>> record = new HashMap<>(Map.of("alice", Set.of(ADMIN)));
    private int asked;
    private boolean down;
    private final CurrentRights rights = new CurrentRights(clock, user -> {
        asked++;
        if (down) {
            throw new ApiException(503, "workspace-service is down");
        }
        return record.getOrDefault(user, Set.of());
    }, Duration.ofSeconds(1));

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
        assertThat(asked).as("a burst of calls asks once").isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(rights.of(alice).orgAdmin("org_1")).as("a second after the answer was read").isFalse();
        assertThat(rights.of(alice).seesOrganization("org_1")).isFalse();
        assertThat(asked).isEqualTo(2);
    }

    @Test
    void anUnreachableWorkspaceServiceRefusesRatherThanTrustingTheToken() {
        down = true;

        assertThatThrownBy(() -> rights.of(token("alice", ADMIN))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void aPlatformAdminKeepsTheRealmRoleWithoutAsking() {
        SecurityIdentity admin = QuarkusSecurityIdentity.builder().setPrincipal(jwt("ops"))
                .addRole(Caller.PLATFORM_ADMIN).build();

        assertThat(rights.of(admin).orgAdmin("org_9")).isTrue();
        assertThat(asked).isZero();
    }

    @Test
    void aManagementKeyCarriesTheGroupsItWasJustResolvedWith() {
        SecurityIdentity key = new ManagementKeyIdentity("mk_1", "org_1", "carol", Set.of(ADMIN))
                .toSecurityIdentity();

        assertThat(rights.of(key).orgAdmin("org_1")).isTrue();
        assertThat(asked).isZero();
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
