package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * OpenRouter's {@code /api/v1/byok}: a workspace's provider credential at workspace-service, one per
 * provider, so its id is {@code <workspace id>:<provider>}. The secret is never answered (label: its last 4).
 */
@Path("/api/v1/byok")
class ByokRoutes {

    private static final Map<String, String> FIELDS = Map.of("provider", "provider", "key", "key", "is_fallback",
            "is_fallback", "allowed_models", "allowed_models", "workspace_id", "workspace_id");

    private final WorkspaceServiceApi workspaces;
    private final ManagementCalls calls;

    ByokRoutes(@RestClient WorkspaceServiceApi workspaces, ManagementCalls calls) {
        this.workspaces = workspaces;
        this.calls = calls;
    }

    @POST
    public Uni<Response> create(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, JsonNode body) {
        ObjectNode b = OpenRouterBodies.translate(body, FIELDS);
        String provider = OpenRouterBodies.text(b, "provider");
        if (provider == null || provider.isBlank()) {
            throw ApiException.badRequest("provider", "provider is required");
        }
        String named = OpenRouterBodies.text(b, "workspace_id");
        b.remove(List.of("provider", "workspace_id"));
        return calls.workspaceOrOnly(auth, org, named)
                .flatMap(ws -> calls.relay(workspaces.saveByok(auth, ws, provider, b)))
                .map(c -> Response.status(201).entity(Map.of("data", ByokView.of(c))).build());
    }

    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> get(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        String[] ref = ref(id);
        return calls.relay(workspaces.byok(auth, ref[0], ref[1])).map(c -> Map.of("data", ByokView.of(c)));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Map<String, Object>> delete(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        String[] ref = ref(id);
        return calls.relay(workspaces.deleteByok(auth, ref[0], ref[1])).map(none -> Map.of("deleted", true));
    }

    private static String[] ref(String id) {
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            throw ApiException.notFound("BYOK key " + id + " not found");
        }
        return new String[] {id.substring(0, colon), id.substring(colon + 1)};
    }

    /** OpenRouter's BYOK key; what Atrium does not keep answers "none" (no per-key or per-user scoping). */
    record ByokView(String id, String provider, String label, String name, String workspaceId,
            List<String> allowedModels, List<String> allowedApiKeyHashes, List<String> allowedUserIds,
            Boolean declaredZdr, boolean disabled, boolean isByokOnly, boolean isFallback, boolean isRequired,
            int sortOrder, String createdAt) {
        static ByokView of(JsonNode c) {
            List<String> models = null;
            if (c.path("allowed_models").isArray()) {
                models = new ArrayList<>();
                for (JsonNode m : c.path("allowed_models")) {
                    models.add(m.asText());
                }
            }
            String ws = c.path("workspace_id").asText();
            String provider = c.path("provider").asText();
            return new ByokView(ws + ":" + provider, provider, c.path("key").asText(), null, ws, models, null, null,
                    null, false, false, c.path("is_fallback").asBoolean(), false, 0, c.path("created_at").asText());
        }
    }
}
