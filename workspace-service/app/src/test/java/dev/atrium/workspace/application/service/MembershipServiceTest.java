package dev.atrium.workspace.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.atrium.workspace.application.port.in.SetOrganizationMemberUseCase.SetOrganizationMemberCommand;
import dev.atrium.workspace.application.port.in.SetWorkspaceMemberUseCase.SetWorkspaceMemberCommand;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipServiceTest {

    private static final String USER = "0b6c1a2e-1111-2222-3333-444455556666";

    private final Fixture f = new Fixture();
    private Organization org;
    private Workspace ws;

    @BeforeEach
    void tenancy() {
        org = f.organization("acme");
        ws = f.workspace(org, "prod");
        f.directory.register(USER);
    }

    @Test
    void organizationRolesBecomeExactlyTheseGroups() {
        f.members.set(SetOrganizationMemberCommand.of(org.id(), USER, List.of("admin", "billing")));
        f.members.set(SetOrganizationMemberCommand.of(org.id(), USER, List.of("billing")));
        assertThat(f.directory.groupsOf(USER)).containsExactly("/orgs/" + org.id() + "/billing");
        assertThat(f.settings.audit.get(f.settings.audit.size() - 1).action()).isEqualTo("member.updated");
    }

    @Test
    void removingAnOrganizationMemberRemovesTheirWorkspaceRolesToo() {
        f.members.set(SetOrganizationMemberCommand.of(org.id(), USER, List.of("admin")));
        f.members.set(SetWorkspaceMemberCommand.of(ws.id(), USER, "member"));
        f.members.set(SetOrganizationMemberCommand.removal(org.id(), USER));
        assertThat(f.directory.groupsOf(USER)).isEmpty();
    }

    @Test
    void workspaceRoleReplacesTheOtherRole() {
        f.members.set(SetWorkspaceMemberCommand.of(ws.id(), USER, "admin"));
        f.members.set(SetWorkspaceMemberCommand.of(ws.id(), USER, "member"));
        assertThat(f.directory.groupsOf(USER))
                .containsExactly("/orgs/" + org.id() + "/workspaces/" + ws.id() + "/member");
    }

    @Test
    void unknownUserIsNotFoundAndNothingIsAudited() {
        int before = f.settings.audit.size();
        assertThatThrownBy(() -> f.members.set(SetOrganizationMemberCommand.of(org.id(), "nobody", List.of("admin"))))
                .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
        assertThat(f.settings.audit).hasSize(before);
    }

    @Test
    void removingAWorkspaceMemberRetiresTheKeysTheyOwnThereAndNoOthers() {
        Workspace other = f.workspace(org, "staging");
        f.members.set(SetWorkspaceMemberCommand.of(ws.id(), USER, "member"));
        f.members.set(SetWorkspaceMemberCommand.of(other.id(), USER, "admin"));
        var here = issue(ws, USER);
        var there = issue(other, USER);

        f.members.set(SetWorkspaceMemberCommand.removal(ws.id(), USER));

        assertThat(f.keys.resolve(here.secret().value())).isEmpty();
        assertThat(f.lifecycle.get(ws.id(), here.key().id()).ownerRemovedAt()).isEqualTo(Fixture.NOW);
        assertThat(f.store.events).contains("api-key.owner-removed:" + here.key().id())
                .doesNotContain("api-key.owner-removed:" + there.key().id());
        assertThat(f.keys.resolve(there.secret().value())).isPresent();
        assertThat(f.memberships.groupsOf(USER))
                .containsExactly("/orgs/" + org.id() + "/workspaces/" + other.id() + "/admin");
    }

    @Test
    void anOrganizationAdminKeepsTheirKeysUntilTheyLeaveTheOrganization() {
        f.members.set(SetOrganizationMemberCommand.of(org.id(), USER, List.of("admin")));
        var key = issue(ws, USER);
        f.members.set(SetOrganizationMemberCommand.of(org.id(), USER, List.of("admin", "billing")));
        assertThat(f.keys.resolve(key.secret().value())).isPresent();

        f.members.set(SetOrganizationMemberCommand.of(org.id(), USER, List.of("billing")));
        assertThat(f.keys.resolve(key.secret().value())).as("billing alone may not own a key").isEmpty();
    }

    @Test
    void aPlatformAdminsKeyOwnedWithoutMembershipIsNotTouchedByOthersRemoval() {
        var adminsKey = issue(ws, "platform-admin-user");
        f.members.set(SetWorkspaceMemberCommand.of(ws.id(), USER, "member"));
        f.members.set(SetWorkspaceMemberCommand.removal(ws.id(), USER));
        assertThat(f.keys.resolve(adminsKey.secret().value())).isPresent();
    }

    @Test
    void aNamedOwnerMustBeAMemberOfTheWorkspaceOrAnAdminOfItsOrganization() {
        assertThatThrownBy(() -> issueNamed(ws, USER))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("owner_user_id");
        assertThatThrownBy(() -> IssueApiKeyCommand.of(ws.id(), "k", null, null, false, null, "u".repeat(65), true,
                Fixture.NOW)).extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("owner_user_id");
        f.members.set(SetOrganizationMemberCommand.of(org.id(), USER, List.of("admin")));
        assertThat(issueNamed(ws, USER).key().ownerUserId()).isEqualTo(USER);
    }

    @Test
    void aUserDeletedInTheDirectoryLosesMembershipsAndKeysWithinTheRoundsThatReachThem() {
        String other = "0b6c1a2e-0000-2222-3333-444455556666";
        f.directory.register(other);
        f.members.set(SetWorkspaceMemberCommand.of(ws.id(), USER, "member"));
        f.members.set(SetWorkspaceMemberCommand.of(ws.id(), other, "member"));
        var deletedUsersKey = issue(ws, USER);
        var othersKey = issue(ws, other);
        var platformAdminsKey = issue(ws, "zz-platform-admin");
        f.directory.register("zz-platform-admin");

        f.directory.delete(USER);
        // Batches of two over three known users: two rounds reach everyone.
        int found = f.reconciliation.reconcile() + f.reconciliation.reconcile();

        assertThat(found).isEqualTo(1);
        assertThat(f.memberships.groupsOf(USER)).isEmpty();
        assertThat(f.keys.resolve(deletedUsersKey.secret().value())).isEmpty();
        assertThat(f.keys.resolve(othersKey.secret().value())).isPresent();
        assertThat(f.keys.resolve(platformAdminsKey.secret().value())).isPresent();
        assertThat(f.settings.audit.stream().map(a -> a.action())).contains("member.deleted", "api_key.owner_removed");
    }

    @Test
    void aDeletionTheDirectoryRecordsIsAppliedByTheNextReadWhateverTheNumberOfUsers() {
        List<String> others = List.of("user-1", "user-2", "user-3", "user-4", "user-5");
        others.forEach(u -> f.members.set(SetWorkspaceMemberCommand.of(ws.id(), register(u), "member")));
        f.members.set(SetWorkspaceMemberCommand.of(ws.id(), USER, "admin"));
        var deletedUsersKey = issue(ws, USER);
        var othersKey = issue(ws, "user-3");

        f.directory.delete(USER);

        // Rounds of two over six known users would need three; the record of deletions needs one read.
        assertThat(f.deletions.follow()).isEqualTo(1);
        assertThat(f.memberships.groupsOf(USER)).isEmpty();
        assertThat(f.keys.resolve(deletedUsersKey.secret().value())).isEmpty();
        assertThat(f.keys.resolve(othersKey.secret().value())).isPresent();
        assertThat(f.memberships.groupsOf("user-3")).isNotEmpty();
        assertThat(f.deletions.follow()).as("a deletion already applied").isZero();
    }

    @Test
    void theUpgradeCopiesTheDirectorysRoleGroupsOnceAndNothingElse() {
        String granted = "/orgs/" + ws.organizationId() + "/workspaces/" + ws.id() + "/admin";
        String billing = "/orgs/" + ws.organizationId() + "/billing";
        // Granted before the record existed: in the directory only.
        f.directory.join("early-admin", granted);
        f.directory.join("early-billing", billing);
        f.directory.join("early-billing", "/orgs/" + ws.organizationId() + "/not-a-role");
        f.directory.join("outsider", "/staff");

        assertThat(f.backfill.backfill()).isEqualTo(2);
        assertThat(f.memberships.groupsOf("early-admin")).containsExactly(granted);
        assertThat(f.memberships.groupsOf("early-billing")).containsExactly(billing);
        assertThat(f.memberships.groupsOf("outsider")).isEmpty();

        f.directory.join("later", granted);
        assertThat(f.backfill.backfill()).as("the copy is made once").isZero();
        assertThat(f.memberships.groupsOf("later")).isEmpty();
    }

    @Test
    void aRoundInWhichMostUsersSeemDeletedRemovesNothing() {
        List<String> users = List.of("user-a", "user-b", "user-c");
        users.forEach(u -> f.members.set(SetWorkspaceMemberCommand.of(ws.id(), register(u), "member")));
        var keys = users.stream().map(u -> issue(ws, u)).toList();
        users.forEach(f.directory::delete);

        // A wrong realm answers 404 for everyone: three of three "gone" is not believed.
        assertThat(f.reconciliation(10).reconcile()).isZero();
        keys.forEach(k -> assertThat(f.keys.resolve(k.secret().value())).isPresent());
        assertThat(f.memberships.groupsOf("user-a")).isNotEmpty();
    }

    private String register(String user) {
        f.directory.register(user);
        return user;
    }

    /** The caller ({@code owner}) owns the key, unchecked. */
    private IssuedApiKey issue(Workspace w, String owner) {
        return f.keys.issue(IssueApiKeyCommand.of(w.id(), "k", null, null, false, null, owner, Fixture.NOW));
    }

    /** The request names the owner, who must be a member. */
    private IssuedApiKey issueNamed(Workspace w, String owner) {
        return f.keys.issue(IssueApiKeyCommand.of(w.id(), "k", null, null, false, null, owner, true, Fixture.NOW));
    }

    @Test
    void rolesAreCheckedNamingTheField() {
        assertThatThrownBy(() -> SetOrganizationMemberCommand.of(org.id(), USER, List.of("owner")))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("roles");
        assertThatThrownBy(() -> SetWorkspaceMemberCommand.of(ws.id(), USER, "billing"))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("role");
        assertThatThrownBy(() -> SetWorkspaceMemberCommand.of(ws.id(), "../admin", "admin"))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("user");
    }
}
