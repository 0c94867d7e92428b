package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.guardrail.api.KeySpends;
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
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * guardrail-service's published API, called with the caller's own Authorization header: a workspace's
 * policy (its budgets) and the organization's named guardrails, which answer in OpenRouter's shapes already.
 */
@RegisterRestClient(configKey = "guardrail-service")
@Path("/api/v1")
public interface GuardrailServiceApi {

    String AUTH = WorkspaceServiceApi.AUTH;
    String NAMED = "/organizations/{org}/named-guardrails";

    @GET
    @Path("/workspaces/{ws}/guardrails")
    Uni<JsonNode> workspacePolicy(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws);

    @PUT
    @Path("/workspaces/{ws}/guardrails")
    Uni<JsonNode> putWorkspacePolicy(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, JsonNode policy);

    /**
     * The spend now of the keys named that guardrail knows in the workspace ({@code data}, by key id): usage and
     * BYOK usage per window, and what each limit leaves; the record {@code GET /api/v1/key} reads for one key.
     * At most 100 keys a call.
     */
    @GET
    @Path("/workspaces/{ws}/keys/spend")
    Uni<KeySpends> keysSpend(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws,
            @QueryParam("key") List<String> keys);

    /** {@code {"workspace_id":..., "guardrail_id": <id or null>}}. */
    @GET
    @Path("/workspaces/{ws}/default-guardrail")
    Uni<JsonNode> defaultGuardrail(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws);

    /**
     * {@code {"data": [{"workspace_id":..., "guardrail_id": <id or null>}]}}: the defaults of the workspaces named
     * (at most 100) that guardrail knows in the organization and the caller may read; the others are left out.
     */
    @GET
    @Path("/organizations/{org}/default-guardrails")
    Uni<JsonNode> defaultGuardrails(@HeaderParam(AUTH) String auth, @PathParam("org") String org,
            @QueryParam("workspace") List<String> workspaces);

    /** {@code {"guardrail_id": "<id>"}} sets it, {@code null} removes it. */
    @PUT
    @Path("/workspaces/{ws}/default-guardrail")
    Uni<JsonNode> setDefaultGuardrail(@HeaderParam(AUTH) String auth, @PathParam("ws") String ws, JsonNode body);

    @GET
    @Path(NAMED)
    Uni<JsonNode> list(@HeaderParam(AUTH) String auth, @PathParam("org") String org, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @QueryParam("workspace_id") String workspaceId);

    @POST
    @Path(NAMED)
    Uni<JsonNode> create(@HeaderParam(AUTH) String auth, @PathParam("org") String org, JsonNode body);

    @GET
    @Path(NAMED + "/{id}")
    Uni<JsonNode> get(@HeaderParam(AUTH) String auth, @PathParam("org") String org, @PathParam("id") String id);

    @PATCH
    @Path(NAMED + "/{id}")
    Uni<JsonNode> update(@HeaderParam(AUTH) String auth, @PathParam("org") String org, @PathParam("id") String id,
            JsonNode body);

    @DELETE
    @Path(NAMED + "/{id}")
    Uni<JsonNode> delete(@HeaderParam(AUTH) String auth, @PathParam("org") String org, @PathParam("id") String id);

    /** {@code kind}: {@code keys} or {@code members}; every assignment of the organization. */
    @GET
    @Path(NAMED + "/assignments/{kind}")
    Uni<JsonNode> assignments(@HeaderParam(AUTH) String auth, @PathParam("org") String org,
            @PathParam("kind") String kind, @QueryParam("offset") String offset, @QueryParam("limit") String limit);

    @GET
    @Path(NAMED + "/{id}/assignments/{kind}")
    Uni<JsonNode> assignmentsOf(@HeaderParam(AUTH) String auth, @PathParam("org") String org,
            @PathParam("id") String id, @PathParam("kind") String kind, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit);

    @POST
    @Path(NAMED + "/{id}/assignments/{kind}")
    Uni<JsonNode> assign(@HeaderParam(AUTH) String auth, @PathParam("org") String org, @PathParam("id") String id,
            @PathParam("kind") String kind, JsonNode body);

    @POST
    @Path(NAMED + "/{id}/assignments/{kind}/remove")
    Uni<JsonNode> unassign(@HeaderParam(AUTH) String auth, @PathParam("org") String org, @PathParam("id") String id,
            @PathParam("kind") String kind, JsonNode body);
}
