package dev.atrium.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller.Rights;
import dev.atrium.common.security.TenantAuthorizer.Need;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantAuthorizerTest {

    record Ws(String id, String org) {
    }

    private final Map<String, Ws> known = Map.of("ws1", new Ws("ws1", "orgA"), "ws2", new Ws("ws2", "orgA"));
    private final TenantAuthorizer<Ws> authorizer = TenantAuthorizer.of(id -> Optional.ofNullable(known.get(id)),
            Ws::org);

    private static Rights groups(String... paths) {
        return new Rights(false, Set.of(paths));
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    @Test
    void anOrganizationIsHiddenFromCallersWithNoRoleInIt() {
        assertThatThrownBy(() -> authorizer.organization(groups("/orgs/orgB/admin"), "orgA", Need.SEE, "no"))
                .isInstanceOf(ApiException.class).hasMessage("Organization orgA not found");
        assertThat(status(() -> authorizer.organization(new Rights(true, Set.of()), "orgA", Need.ADMIN, "no")))
                .isEqualTo(200);
    }

    @Test
    void aWorkspaceMemberSeesItsOrganizationButIsRefusedWhatNeedsMore() {
        Rights member = groups("/orgs/orgA/workspaces/ws1/member");
        assertThat(status(() -> authorizer.organization(member, "orgA", Need.SEE, "no"))).isEqualTo(200);
        assertThat(status(() -> authorizer.organization(member, "orgA", Need.BILLING, "no"))).isEqualTo(403);
        assertThat(status(() -> authorizer.organization(groups("/orgs/orgA/billing"), "orgA", Need.BILLING, "no")))
                .isEqualTo(200);
        assertThatThrownBy(() -> authorizer.organization(groups("/orgs/orgA/billing"), "orgA", Need.ADMIN,
                "Only organization admins may do this")).hasMessage("Only organization admins may do this");
    }

    @Test
    void anOrganizationTheServiceDoesNotKnowIsNotFoundWhateverTheRights() {
        assertThat(status(() -> authorizer.organization(groups("/orgs/orgA/admin"), "orgA", Optional.empty(),
                Need.ADMIN, "no"))).isEqualTo(404);
    }

    @Test
    void aWorkspaceIsHiddenFromMembersOfAnotherWorkspaceAndUnknownOnesFromEveryone() {
        Rights member = groups("/orgs/orgA/workspaces/ws1/member");
        assertThat(authorizer.workspace(member, "ws1", Need.SEE, "no")).isEqualTo(known.get("ws1"));
        assertThatThrownBy(() -> authorizer.workspace(member, "ws2", Need.SEE, "no"))
                .hasMessage("Workspace ws2 not found");
        assertThat(status(() -> authorizer.workspace(new Rights(true, Set.of()), "ws9", Need.SEE, "no")))
                .isEqualTo(404);
    }

    @Test
    void severalWorkspacesAtOnceAreThoseTheCallerSeesAndTheOrganizationStaysHiddenFromOutsiders() {
        List<String> asked = List.of("ws1", "ws2", "ws1", "ws9");
        assertThat(authorizer.visibleWorkspaces(groups("/orgs/orgA/workspaces/ws1/member"), "orgA", asked))
                .containsExactly("ws1");
        assertThat(authorizer.visibleWorkspaces(groups("/orgs/orgA/billing"), "orgA", asked))
                .containsExactly("ws1", "ws2", "ws9");
        assertThatThrownBy(() -> authorizer.visibleWorkspaces(groups("/orgs/orgB/admin"), "orgA", asked))
                .hasMessage("Organization orgA not found");
    }

    @Test
    void aWorkspaceMemberIsRefusedAdminAndBillingRightsThereWith403() {
        Rights member = groups("/orgs/orgA/workspaces/ws1/member");
        assertThat(status(() -> authorizer.workspace(member, "ws1", Need.ADMIN, "no"))).isEqualTo(403);
        assertThat(status(() -> authorizer.workspace(member, "ws1", Need.BILLING, "no"))).isEqualTo(403);
        Rights wsAdmin = groups("/orgs/orgA/workspaces/ws1/admin");
        assertThat(status(() -> authorizer.workspace(wsAdmin, "ws1", Need.ADMIN, "no"))).isEqualTo(200);
        assertThat(status(() -> authorizer.workspace(wsAdmin, "ws1", Need.BILLING, "no"))).isEqualTo(200);
        Rights billing = groups("/orgs/orgA/billing");
        assertThat(status(() -> authorizer.workspace(billing, "ws2", Need.BILLING, "no"))).isEqualTo(200);
        assertThat(status(() -> authorizer.workspace(billing, "ws2", Need.ADMIN, "no"))).isEqualTo(403);
        assertThat(status(() -> authorizer.workspace(groups("/orgs/orgA/admin"), "ws2", Need.ADMIN, "no")))
                .isEqualTo(200);
    }
}
