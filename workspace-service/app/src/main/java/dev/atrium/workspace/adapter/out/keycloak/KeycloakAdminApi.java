package dev.atrium.workspace.adapter.out.keycloak;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of Keycloak's admin REST API that keeps tenant group memberships, under
 * {@code quarkus.rest-client.keycloak-admin.url} ({@code <keycloak>/admin/realms/<realm>}), called with the
 * workspace service account's token (the default OIDC client, client credentials). Every call answers its
 * {@link Response} as is, whatever the status: the adapter decides which ones it accepts.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
interface KeycloakAdminApi {

    @GET
    @Path("/users/{user}")
    Response user(@PathParam("user") String user);

    @GET
    @Path("/users/{user}/groups")
    Response groupsOf(@PathParam("user") String user, @QueryParam("briefRepresentation") boolean brief,
            @QueryParam("max") int max);

    @PUT
    @Path("/users/{user}/groups/{group}")
    Response join(@PathParam("user") String user, @PathParam("group") String group);

    @DELETE
    @Path("/users/{user}/groups/{group}")
    Response leave(@PathParam("user") String user, @PathParam("group") String group);

    /** {@code path} without its leading slash, e.g. {@code orgs/org_a/admin}: its slashes stay slashes. */
    @GET
    @Path("/group-by-path/{path}")
    Response groupByPath(@PathParam("path") @Encoded String path);

    @POST
    @Path("/groups")
    Response createGroup(Map<String, String> group);

    @POST
    @Path("/groups/{parent}/children")
    Response createChildGroup(@PathParam("parent") String parent, Map<String, String> group);

    /** A page of the group's subgroups. */
    @GET
    @Path("/groups/{group}/children")
    Response children(@PathParam("group") String group, @QueryParam("briefRepresentation") boolean brief,
            @QueryParam("first") int first, @QueryParam("max") int max);

    /** A page of the group's direct members. */
    @GET
    @Path("/groups/{group}/members")
    Response members(@PathParam("group") String group, @QueryParam("briefRepresentation") boolean brief,
            @QueryParam("first") int first, @QueryParam("max") int max);

    /** Admin events (realm {@code adminEventsEnabled}, role {@code view-events}), {@code dateFrom} in epoch millis. */
    @GET
    @Path("/admin-events")
    Response adminEvents(@QueryParam("operationTypes") String operationTypes,
            @QueryParam("resourceTypes") String resourceTypes, @QueryParam("direction") String direction,
            @QueryParam("max") int max, @QueryParam("dateFrom") long dateFrom);
}
