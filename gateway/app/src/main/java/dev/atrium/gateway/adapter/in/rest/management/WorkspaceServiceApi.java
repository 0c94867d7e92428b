package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** workspace-service's published management API, called with the caller's own Authorization header. */
@RegisterRestClient(configKey = "workspace-service")
@Path("/api/v1")
public interface WorkspaceServiceApi {

    String AUTH = "Authorization";

    @GET
    @Path("/organizations")
    Uni<JsonNode> organizations(@HeaderParam(AUTH) String auth);

    @POST
    @Path("/organizations/{org}/workspaces")
    Uni<JsonNode> createWorkspace(@HeaderParam(AUTH) String auth, @PathParam("org") String org, JsonNode body);

    @GET
    @Path("/organizations/{org}/workspaces")
    Uni<JsonNode> workspaces(@HeaderParam(AUTH) String auth, @PathParam("org") String org,
            @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/workspaces/{ws}")
    Uni<JsonNode> workspace(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws);

    @PATCH
    @Path("/workspaces/{ws}")
    Uni<JsonNode> updateWorkspace(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, JsonNode body);

    @DELETE
    @Path("/workspaces/{ws}")
    Uni<Void> archiveWorkspace(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws);

    @GET
    @Path("/organizations/{org}/members")
    Uni<JsonNode> organizationMembers(@HeaderParam(AUTH) String auth, @PathParam("org") String org);

    @GET
    @Path("/workspaces/{ws}/members")
    Uni<JsonNode> workspaceMembers(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws);

    @PUT
    @Path("/workspaces/{ws}/members/{user}")
    Uni<Void> setMember(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, @PathParam("user") String user,
            JsonNode body);

    @DELETE
    @Path("/workspaces/{ws}/members/{user}")
    Uni<Void> removeMember(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, @PathParam("user") String user);

    @POST
    @Path("/workspaces/{ws}/keys")
    Uni<JsonNode> issueKey(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, JsonNode body);

    @GET
    @Path("/workspaces/{ws}/keys")
    Uni<JsonNode> keys(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/workspaces/{ws}/keys/{key}")
    Uni<JsonNode> key(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, @PathParam("key") String key);

    @PATCH
    @Path("/workspaces/{ws}/keys/{key}")
    Uni<JsonNode> updateKey(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, @PathParam("key") String key,
            JsonNode body);

    @DELETE
    @Path("/workspaces/{ws}/keys/{key}")
    Uni<Void> revokeKey(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, @PathParam("key") String key);

    @PUT
    @Path("/workspaces/{ws}/byok/{provider}")
    Uni<JsonNode> saveByok(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws,
            @PathParam("provider") String provider, JsonNode body);

    @GET
    @Path("/workspaces/{ws}/byok/{provider}")
    Uni<JsonNode> byok(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws,
            @PathParam("provider") String provider);

    @DELETE
    @Path("/workspaces/{ws}/byok/{provider}")
    Uni<Void> deleteByok(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws,
            @PathParam("provider") String provider);

    @GET
    @Path("/workspaces/{ws}/observability")
    Uni<JsonNode> observability(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws);

    @PUT
    @Path("/workspaces/{ws}/observability")
    Uni<JsonNode> saveObservability(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, JsonNode body);

    @GET
    @Path("/workspaces/{ws}/presets/{slug}")
    Uni<JsonNode> preset(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, @PathParam("slug") String slug);

    @GET
    @Path("/workspaces/{ws}/presets/{slug}/versions")
    Uni<JsonNode> presetVersions(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws,
            @PathParam("slug") String slug);
}
