package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.workspace.application.port.in.MemberProfilesQuery;
import dev.atrium.workspace.application.port.in.MembershipQuery;
import dev.atrium.workspace.application.port.in.SetOrganizationMemberUseCase;
import dev.atrium.workspace.application.port.in.SetOrganizationMemberUseCase.SetOrganizationMemberCommand;
import dev.atrium.workspace.application.port.in.SetWorkspaceMemberUseCase;
import dev.atrium.workspace.application.port.in.SetWorkspaceMemberUseCase.SetWorkspaceMemberCommand;
import dev.atrium.workspace.domain.UserProfile;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Members and their roles, kept as Keycloak group paths; {@code {user}} is the Keycloak user id.
 * A new role shows in the user's next token.
 */
@Path("/api/v1")
@Authenticated
class MemberResource {

    private final SetOrganizationMemberUseCase organizationMembers;
    private final SetWorkspaceMemberUseCase workspaceMembers;
    private final MembershipQuery memberships;
    private final MemberProfilesQuery profiles;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    MemberResource(SetOrganizationMemberUseCase organizationMembers, SetWorkspaceMemberUseCase workspaceMembers,
            MembershipQuery memberships, MemberProfilesQuery profiles, TenantGuard guard, SecurityIdentity caller) {
        this.organizationMembers = organizationMembers;
        this.workspaceMembers = workspaceMembers;
        this.memberships = memberships;
        this.profiles = profiles;
        this.guard = guard;
        this.caller = caller;
    }

    /**
     * As this service records them (the rights every management call is decided by), by user id, with each
     * member's email and names from Keycloak (null where Keycloak has none or could not be asked).
     */
    @Operation(summary = "List the organization's members, their roles, email and names (organization admins)")
    @GET
    @Path("/organizations/{org}/members")
    public Dtos.ListView<Dtos.OrganizationMemberView> listOrganizationMembers(@PathParam("org") String org) {
        guard.organizationAdmin(caller, org);
        var members = memberships.organizationMembers(org);
        var people = profiles.profiles(members.keySet());
        return new Dtos.ListView<>(members.entrySet().stream().map(e -> new Dtos.OrganizationMemberView(org,
                e.getKey(), e.getValue(), people.get(e.getKey()))).toList(), null);
    }

    @Operation(summary = "List the workspace's members, their role, email and names")
    @GET
    @Path("/workspaces/{ws}/members")
    public Dtos.ListView<Dtos.WorkspaceMemberView> listWorkspaceMembers(@PathParam("ws") String ws) {
        var workspace = guard.workspaceReader(caller, ws);
        var members = memberships.workspaceMembers(workspace.organizationId(), workspace.id());
        var people = profiles.profiles(members.keySet());
        return new Dtos.ListView<>(members.entrySet().stream().map(e -> new Dtos.WorkspaceMemberView(ws, e.getKey(),
                e.getValue(), people.get(e.getKey()))).toList(), null);
    }

    @Operation(summary = "Set a user's organization roles (Keycloak groups /orgs/{org}/admin|billing)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"roles\":[\"admin\",\"billing\"]}")))
    @PUT
    @Path("/organizations/{org}/members/{user}")
    public Dtos.OrganizationMemberView putOrganizationMember(@PathParam("org") String org,
            @PathParam("user") String user, Dtos.OrganizationRoles body) {
        guard.organizationAdmin(caller, org);
        var roles = organizationMembers.set(SetOrganizationMemberCommand.of(org, user,
                body == null ? null : body.roles()));
        return new Dtos.OrganizationMemberView(org, user, List.copyOf(new TreeSet<>(roles)), profile(user));
    }

    /** Removes the user from every group of the organization, its workspaces' included. */
    @Operation(summary = "Remove a user from the organization and its workspaces")
    @DELETE
    @Path("/organizations/{org}/members/{user}")
    public Response deleteOrganizationMember(@PathParam("org") String org, @PathParam("user") String user) {
        guard.organizationAdmin(caller, org);
        organizationMembers.set(SetOrganizationMemberCommand.removal(org, user));
        return Response.noContent().build();
    }

    @Operation(summary = "Set a user's workspace role (Keycloak group /orgs/{org}/workspaces/{ws}/admin|member)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"role\":\"member\"}")))
    @PUT
    @Path("/workspaces/{ws}/members/{user}")
    public Dtos.WorkspaceMemberView putWorkspaceMember(@PathParam("ws") String ws, @PathParam("user") String user,
            Dtos.WorkspaceRole body) {
        guard.workspaceAdmin(caller, ws);
        var command = SetWorkspaceMemberCommand.of(ws, user, body == null ? null : body.role());
        workspaceMembers.set(command);
        return new Dtos.WorkspaceMemberView(ws, user, command.role(), profile(user));
    }

    private UserProfile profile(String user) {
        return profiles.profiles(List.of(user)).get(user);
    }

    @Operation(summary = "Remove a user from the workspace")
    @DELETE
    @Path("/workspaces/{ws}/members/{user}")
    public Response deleteWorkspaceMember(@PathParam("ws") String ws, @PathParam("user") String user) {
        guard.workspaceAdmin(caller, ws);
        workspaceMembers.set(SetWorkspaceMemberCommand.removal(ws, user));
        return Response.noContent().build();
    }
}
