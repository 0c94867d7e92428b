package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.security.Caller;
import dev.atrium.common.security.MemberGroups;
import dev.atrium.workspace.application.port.in.MembershipQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * The group paths a user holds now, from this service's membership record: the other services authorize a
 * user token's management calls with it (common/web's CurrentRights, docs/adr/0025), not with the groups
 * the token was issued with. An unknown user holds none (200, empty), as a removed member does.
 */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalMemberResource {

    private final MembershipQuery memberships;

    InternalMemberResource(MembershipQuery memberships) {
        this.memberships = memberships;
    }

    @GET
    @Path("/members/{user}/groups")
    public MemberGroups groups(@PathParam("user") String userId) {
        return new MemberGroups(userId, memberships.groupsOf(userId));
    }
}
