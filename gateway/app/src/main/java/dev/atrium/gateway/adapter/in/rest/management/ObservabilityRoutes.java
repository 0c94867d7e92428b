package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * OpenRouter's {@code /api/v1/observability/destinations}: a workspace's broadcast destinations at
 * workspace-service, which keeps them as one list per workspace (one per endpoint). A destination's id is
 * {@code <workspace id>:<base64url of its endpoint>}; Atrium's webhook type is served.
 */
@Path("/api/v1/observability/destinations")
class ObservabilityRoutes {

    private final WorkspaceServiceApi workspaces;
    private final ManagementCalls calls;

    ObservabilityRoutes(@RestClient WorkspaceServiceApi workspaces, ManagementCalls calls) {
        this.workspaces = workspaces;
        this.calls = calls;
    }

    /** Adds the destination to the workspace's list (the list's other destinations stay). */
    @POST
    public Uni<Response> create(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, JsonNode body) {
        ObjectNode b = OpenRouterBodies.translate(body, Map.ofEntries(Map.entry("name", "name"),
                Map.entry("type", "type"), Map.entry("config", "config"), Map.entry("sampling_rate", "sampling_rate"),
                Map.entry("privacy_mode", "privacy_mode"), Map.entry("workspace_id", "workspace_id"),
                Map.entry("enabled", "enabled"), Map.entry("broadcast_generation_cost", "x1"),
                Map.entry("broadcast_generation_identity", "x2"), Map.entry("broadcast_generation_request_context", "x3"),
                Map.entry("filter_rules", "x4")));
        if (!"webhook".equals(OpenRouterBodies.text(b, "type"))) {
            throw ApiException.badRequest("type", "Atrium serves the webhook type here");
        }
        String url = OpenRouterBodies.text(b.path("config"), "url");
        if (url == null) {
            throw ApiException.badRequest("config.url", "config.url is required");
        }
        ObjectNode destination = JsonNodeFactory.instance.objectNode().put("type", "webhook").put("endpoint", url);
        if (b.path("config").path("headers").isObject()) {
            destination.set("headers", b.path("config").path("headers"));
        }
        if (b.has("sampling_rate")) {
            destination.set("sampling_rate", b.get("sampling_rate"));
        }
        if (b.has("privacy_mode")) {
            destination.set("privacy_mode", b.get("privacy_mode"));
        }
        return calls.workspaceOrOnly(auth, org, OpenRouterBodies.text(b, "workspace_id")).flatMap(ws -> calls
                .relay(workspaces.observability(auth, ws)).flatMap(current -> {
                    ArrayNode list = kept(current, d -> !url.equals(d.path("endpoint").asText()));
                    list.add(destination);
                    return calls.relay(workspaces.saveObservability(auth, ws,
                            JsonNodeFactory.instance.objectNode().set("destinations", list)));
                }).map(saved -> Response.status(201).entity(Map.of("data", DestinationView.of(ws, find(saved, url))))
                        .build()));
    }

    @GET
    public Uni<Map<String, Object>> list(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, @QueryParam("workspace_id") String workspaceId) {
        return calls.workspaceOrOnly(auth, org, workspaceId).flatMap(ws -> calls.relay(workspaces.observability(auth, ws))
                .map(current -> {
                    List<DestinationView> views = new ArrayList<>();
                    current.path("destinations").forEach(d -> {
                        if ("webhook".equals(d.path("type").asText())) {
                            views.add(DestinationView.of(ws, d));
                        }
                    });
                    return Map.of("data", views, "total_count", views.size());
                }));
    }

    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> get(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        String[] ref = ref(id);
        return calls.relay(workspaces.observability(auth, ref[0]))
                .map(current -> Map.of("data", DestinationView.of(ref[0], find(current, ref[1]))));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Map<String, Object>> delete(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        String[] ref = ref(id);
        return calls.relay(workspaces.observability(auth, ref[0])).flatMap(current -> {
            find(current, ref[1]);
            return calls.relay(workspaces.saveObservability(auth, ref[0], JsonNodeFactory.instance.objectNode()
                    .set("destinations", kept(current, d -> !ref[1].equals(d.path("endpoint").asText())))));
        }).map(saved -> Map.of("deleted", true));
    }

    /**
     * The stored destinations to send back, without the delivery health the service adds to its answer. The
     * service answers header values masked, so a list holding another destination with headers cannot be
     * written back from here without losing them: 409, manage that workspace at workspace-service.
     */
    private static ArrayNode kept(JsonNode current, java.util.function.Predicate<JsonNode> keep) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        current.path("destinations").forEach(d -> {
            if (keep.test(d)) {
                if (d.path("headers").isObject() && !d.path("headers").isEmpty()) {
                    throw ApiException.conflict("Another destination of this workspace has secret headers, which this"
                            + " route cannot keep: change the list at workspace-service (PUT .../observability)");
                }
                ObjectNode copy = ((ObjectNode) d).deepCopy();
                copy.remove(List.of("last_success_at", "last_error", "last_error_at"));
                list.add(copy);
            }
        });
        return list;
    }

    private static JsonNode find(JsonNode current, String endpoint) {
        for (JsonNode d : current.path("destinations")) {
            if (endpoint.equals(d.path("endpoint").asText())) {
                return d;
            }
        }
        throw ApiException.notFound("Observability destination not found");
    }

    private static String[] ref(String id) {
        int colon = id.indexOf(':');
        try {
            if (colon > 0) {
                return new String[] {id.substring(0, colon), new String(Base64.getUrlDecoder().decode(
                        id.substring(colon + 1)), StandardCharsets.UTF_8)};
            }
        } catch (IllegalArgumentException e) {
            // not an id this API gave out: 404 below
        }
        throw ApiException.notFound("Observability destination " + id + " not found");
    }

    /** OpenRouter's webhook destination; Atrium keeps no name, regions, filters or per-key scoping. */
    record DestinationView(String id, String type, String name, String workspaceId, Map<String, Object> config,
            boolean enabled, double samplingRate, boolean privacyMode, List<String> apiKeyHashes,
            boolean broadcastGenerationCost, boolean broadcastGenerationIdentity,
            boolean broadcastGenerationRequestContext, Object filterRules, List<String> regions, String createdAt,
            String updatedAt) {
        static DestinationView of(String ws, JsonNode d) {
            String endpoint = d.path("endpoint").asText();
            Map<String, Object> config = new java.util.LinkedHashMap<>();
            config.put("url", endpoint);
            config.put("method", "POST");
            String now = java.time.Instant.EPOCH.toString();
            return new DestinationView(ws + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    endpoint.getBytes(StandardCharsets.UTF_8)), "webhook", null, ws, config, true,
                    d.path("sampling_rate").asDouble(1.0), d.path("privacy_mode").asBoolean(), null, false, false,
                    false, null, List.of(), now, now);
        }
    }
}
