package dev.atrium.workspace.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.InvalidFieldException;
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
    void rolesAreCheckedNamingTheField() {
        assertThatThrownBy(() -> SetOrganizationMemberCommand.of(org.id(), USER, List.of("owner")))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("roles");
        assertThatThrownBy(() -> SetWorkspaceMemberCommand.of(ws.id(), USER, "billing"))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("role");
        assertThatThrownBy(() -> SetWorkspaceMemberCommand.of(ws.id(), "../admin", "admin"))
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("user");
    }
}
