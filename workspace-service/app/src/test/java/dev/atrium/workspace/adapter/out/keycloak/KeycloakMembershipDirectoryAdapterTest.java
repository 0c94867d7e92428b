package dev.atrium.workspace.adapter.out.keycloak;

import static dev.atrium.workspace.adapter.out.keycloak.FakeKeycloak.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.out.MembershipDirectory.Deletion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The adapter, through its REST client and the OIDC client's service token, against a small imitation of
 * Keycloak's admin API ({@link FakeKeycloak}).
 */
@QuarkusTest
@QuarkusTestResource(value = FakeKeycloak.class, parallel = true)
@DisabledIfSystemProperty(named = "atrium.keycloak.live-url", matches = "http.+")
class KeycloakMembershipDirectoryAdapterTest {

    @Inject
    KeycloakMembershipDirectory directory;

    @BeforeEach
    @AfterEach
    void reset() {
        FakeKeycloak.reset();
    }

    @Test
    void joinCreatesTheGroupPathOnceAndAddsTheUser() {
        directory.join(USER, "/orgs/org_a/admin");
        directory.join(USER, "/orgs/org_a/workspaces/ws_1/member");
        assertThat(FakeKeycloak.GROUP_IDS_BY_PATH.keySet()).containsExactlyInAnyOrder("/orgs", "/orgs/org_a",
                "/orgs/org_a/admin", "/orgs/org_a/workspaces", "/orgs/org_a/workspaces/ws_1",
                "/orgs/org_a/workspaces/ws_1/member");
        assertThat(directory.groupsOf(USER)).containsExactlyInAnyOrder("/orgs/org_a/admin",
                "/orgs/org_a/workspaces/ws_1/member");
        // One service token serves every call of this module's tests.
        assertThat(FakeKeycloak.TOKENS.get()).isEqualTo(1);
    }

    @Test
    void leaveRemovesTheMembershipAndIgnoresMissingGroups() {
        directory.join(USER, "/orgs/org_a/billing");
        directory.leave(USER, "/orgs/org_a/billing");
        directory.leave(USER, "/orgs/org_z/admin");
        assertThat(directory.groupsOf(USER)).isEmpty();
    }

    @Test
    void knowsWhichUsersExist() {
        assertThat(directory.userExists(USER)).isTrue();
        assertThat(directory.userExists("6f1c0d9e-0000-4000-8000-00000000dead")).isFalse();
    }

    @Test
    void readsAUsersEmailAndNames() {
        var profile = directory.profile(USER).orElseThrow();
        assertThat(profile.email()).isEqualTo("ada@example.com");
        assertThat(profile.firstName()).isEqualTo("Ada");
        assertThat(profile.lastName()).isEqualTo("Lovelace");
        assertThat(directory.profile("6f1c0d9e-0000-4000-8000-00000000dead")).isEmpty();
    }

    @Test
    void copiesEveryMembershipUnderOrgsByWalkingTheGroups() {
        directory.join(USER, "/orgs/org_a/admin");
        directory.join(USER, "/orgs/org_a/workspaces/ws_1/member");
        directory.join(USER, "/orgs/org_b/billing");
        directory.leave(USER, "/orgs/org_b/billing");

        assertThat(directory.memberships()).isEqualTo(Map.of(
                "/orgs/org_a/admin", Set.of(USER), "/orgs/org_a/workspaces/ws_1/member", Set.of(USER)));
    }

    @Test
    void readsUserDeletionsFromTheAdminEventsInTimeOrder() {
        FakeKeycloak.DELETIONS.add(Map.entry("users/u-2", 3_000L));
        FakeKeycloak.DELETIONS.add(Map.entry("users/u-1/groups/g1", 2_500L));
        FakeKeycloak.DELETIONS.add(Map.entry("users/u-1", 2_000L));
        FakeKeycloak.DELETIONS.add(Map.entry("users/u-0", 1_000L));

        assertThat(directory.deletionsSince(Instant.ofEpochMilli(2_000))).containsExactly(
                new Deletion("u-1", Instant.ofEpochMilli(2_000)), new Deletion("u-2", Instant.ofEpochMilli(3_000)));
        assertThat(FakeKeycloak.eventsQuery).contains("operationTypes=DELETE").contains("resourceTypes=USER")
                .contains("dateFrom=2000");
    }

    @Test
    void anUnreachableKeycloakIsA502() {
        FakeKeycloak.down = true;
        assertThatThrownBy(() -> directory.join(USER, "/orgs/org_a/admin")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(502);
    }
}
