package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * OpenRouter's {@code /api/v1/guardrails}: guardrail-service's named guardrails of the caller's organization
 * ({@code /api/v1/organizations/{org}/named-guardrails}), which already answer in OpenRouter's shapes; only
 * the organization is added to the path.
 */
@Path("/api/v1/guardrails")
class GuardrailsRoutes {

    private static final String AUTH = "Authorization";
    private static final String ORG = WorkspacesRoutes.ORG_HEADER;

    private final GuardrailServiceApi guardrails;
    private final ManagementCalls calls;

    GuardrailsRoutes(@RestClient GuardrailServiceApi guardrails, ManagementCalls calls) {
        this.guardrails = guardrails;
        this.calls = calls;
    }

    @GET
    public Uni<JsonNode> list(@HeaderParam(AUTH) String auth, @HeaderParam(ORG) String org,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("workspace_id") String workspaceId) {
        return in(auth, org, o -> guardrails.list(auth, o, offset, limit, workspaceId));
    }

    @POST
    public Uni<Response> create(@HeaderParam(AUTH) String auth, @HeaderParam(ORG) String org, JsonNode body) {
        return in(auth, org, o -> guardrails.create(auth, o, body)).map(g -> Response.status(201).entity(g).build());
    }

    @GET
    @Path("/assignments/{kind: keys|members}")
    public Uni<JsonNode> assignments(@HeaderParam(AUTH) String auth, @HeaderParam(ORG) String org,
            @PathParam("kind") String kind, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return in(auth, org, o -> guardrails.assignments(auth, o, kind, offset, limit));
    }

    @GET
    @Path("/{id}")
    public Uni<JsonNode> get(@HeaderParam(AUTH) String auth, @HeaderParam(ORG) String org, @PathParam("id") String id) {
        return in(auth, org, o -> guardrails.get(auth, o, id));
    }

    @PATCH
    @Path("/{id}")
    public Uni<JsonNode> update(@HeaderParam(AUTH) String auth, @HeaderParam(ORG) String org,
            @PathParam("id") String id, JsonNode body) {
        return in(auth, org, o -> guardrails.update(auth, o, id, body));
    }

    @DELETE
    @Path("/{id}")
    public Uni<JsonNode> delete(@HeaderParam(AUTH) String auth, @HeaderParam(ORG) String org,
            @PathParam("id") String id) {
        return in(auth, org, o -> guardrails.delete(auth, o, id));
    }

    @GET
    @Path("/{id}/assignments/{kind: keys|members}")
    public Uni<JsonNode> assignmentsOf(@HeaderParam(AUTH) String auth, @HeaderParam(ORG) String org,
            @PathParam("id") String id, @PathParam("kind") String kind, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return in(auth, org, o -> guardrails.assignmentsOf(auth, o, id, kind, offset, limit));
    }

    @POST
    @Path("/{id}/assignments/{kind: keys|members}")
    public Uni<JsonNode> assign(@HeaderParam(AUTH) String auth, @HeaderParam(ORG) String org,
            @PathParam("id") String id, @PathParam("kind") String kind, JsonNode body) {
        return in(auth, org, o -> guardrails.assign(auth, o, id, kind, body));
    }

    @POST
    @Path("/{id}/assignments/{kind: keys|members}/remove")
    public Uni<JsonNode> unassign(@HeaderParam(AUTH) String auth, @HeaderParam(ORG) String org,
            @PathParam("id") String id, @PathParam("kind") String kind, JsonNode body) {
        return in(auth, org, o -> guardrails.unassign(auth, o, id, kind, body));
    }

    private Uni<JsonNode> in(String auth, String org, Function<String, Uni<JsonNode>> call) {
        return calls.organization(auth, org).flatMap(o -> calls.relay(call.apply(o)));
    }
}
