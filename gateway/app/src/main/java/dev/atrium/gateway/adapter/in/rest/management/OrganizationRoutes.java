package dev.atrium.gateway.adapter.in.rest.management;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * OpenRouter's {@code /api/v1/organization/members}: the organization's members as workspace-service records
 * them, with each member's email and names as Keycloak keeps them (workspace-service reads them there).
 * An admin is {@code org:admin}, a billing reader {@code org:member}. {@code email} is a string in OpenRouter's
 * schema: empty for a member without one (a service account).
 */
@Path("/api/v1/organization")
class OrganizationRoutes {

    private final WorkspaceServiceApi workspaces;
    private final ManagementCalls calls;

    OrganizationRoutes(@RestClient WorkspaceServiceApi workspaces, ManagementCalls calls) {
        this.workspaces = workspaces;
        this.calls = calls;
    }

    @GET
    @Path("/members")
    public Uni<Map<String, Object>> members(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return calls.organization(auth, org).flatMap(o -> calls.relay(workspaces.organizationMembers(auth, o)))
                .map(page -> {
                    List<MemberView> all = new ArrayList<>();
                    page.path("data").forEach(m -> {
                        boolean admin = false;
                        for (var r : m.path("roles")) {
                            admin |= "admin".equals(r.asText());
                        }
                        String email = OpenRouterBodies.text(m, "email");
                        all.add(new MemberView(m.path("user_id").asText(), email == null ? "" : email,
                                OpenRouterBodies.text(m, "first_name"), OpenRouterBodies.text(m, "last_name"),
                                admin ? "org:admin" : "org:member"));
                    });
                    return Map.of("data", ManagementCalls.slice(all, offset, limit, 50), "total_count", all.size());
                });
    }

    record MemberView(String id, String email, String firstName, String lastName, String role) {
    }
}
