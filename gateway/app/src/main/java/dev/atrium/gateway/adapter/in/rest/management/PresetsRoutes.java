package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * OpenRouter's {@code /api/v1/presets/{slug}} (and its versions): Atrium keeps presets per workspace at
 * workspace-service, saved there with {@code PUT /api/v1/workspaces/{ws}/presets/{slug}}; here a slug is
 * found in {@code workspace_id}'s presets, or in the organization's workspaces in order. A preset's id is
 * {@code <workspace id>:<slug>}, a version's {@code <slug>@<n>} (what {@code model: "@preset/<slug>@<n>"}
 * names in a chat request).
 */
@Path("/api/v1/presets")
class PresetsRoutes {

    private final WorkspaceServiceApi workspaces;
    private final ManagementCalls calls;

    PresetsRoutes(@RestClient WorkspaceServiceApi workspaces, ManagementCalls calls) {
        this.workspaces = workspaces;
        this.calls = calls;
    }

    @GET
    @Path("/{slug}")
    public Uni<Map<String, Object>> get(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, @PathParam("slug") String slug,
            @QueryParam("workspace_id") String workspaceId) {
        return find(auth, org, workspaceId, slug).map(p -> {
            Map<String, Object> view = preset(p);
            view.put("designated_version", version(p));
            return Map.of("data", view);
        });
    }

    @GET
    @Path("/{slug}/versions")
    public Uni<Map<String, Object>> versions(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, @PathParam("slug") String slug,
            @QueryParam("workspace_id") String workspaceId) {
        return find(auth, org, workspaceId, slug).flatMap(p -> calls.relay(workspaces.presetVersions(auth,
                p.path("workspace_id").asText(), slug))).map(page -> {
                    List<Map<String, Object>> versions = new ArrayList<>();
                    page.path("data").forEach(v -> versions.add(version(v)));
                    return Map.of("data", versions, "total_count", versions.size());
                });
    }

    @GET
    @Path("/{slug}/versions/{version}")
    public Uni<Map<String, Object>> version(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, @PathParam("slug") String slug,
            @PathParam("version") int number, @QueryParam("workspace_id") String workspaceId) {
        return find(auth, org, workspaceId, slug).flatMap(p -> calls.relay(workspaces.presetVersions(auth,
                p.path("workspace_id").asText(), slug))).map(page -> {
                    for (JsonNode v : page.path("data")) {
                        if (v.path("version").asInt() == number) {
                            return Map.of("data", version(v));
                        }
                    }
                    throw ApiException.notFound("Preset " + slug + " has no version " + number);
                });
    }

    /** The newest version of the slug, with {@code workspace_id} added. */
    private Uni<JsonNode> find(String auth, String org, String workspaceId, String slug) {
        return calls.workspaceIds(auth, org, workspaceId).flatMap(ids -> ManagementCalls.firstFound(ids,
                ws -> calls.relay(workspaces.preset(auth, ws, slug)).map(p -> (JsonNode) p.<com.fasterxml.jackson.databind.node.ObjectNode>deepCopy()
                        .put("workspace_id", ws)), "Preset " + slug + " not found"));
    }

    private static Map<String, Object> preset(JsonNode p) {
        Map<String, Object> view = new LinkedHashMap<>();
        String ws = p.path("workspace_id").asText();
        String slug = p.path("slug").asText();
        view.put("id", ws + ":" + slug);
        view.put("slug", slug);
        view.put("name", slug);
        view.put("description", null);
        view.put("status", "active");
        view.put("status_updated_at", null);
        view.put("designated_version_id", p.path("reference").asText());
        view.put("creator_user_id", OpenRouterBodies.text(p, "created_by"));
        view.put("workspace_id", ws);
        view.put("created_at", p.path("created_at").asText());
        view.put("updated_at", p.path("created_at").asText());
        return view;
    }

    /** A version: {@code config} holds the model, parameters, locked parameters and provider settings. */
    private static Map<String, Object> version(JsonNode v) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", OpenRouterBodies.text(v, "model"));
        config.put("parameters", v.path("parameters"));
        config.put("locked_parameters", v.path("locked_parameters"));
        config.put("provider", v.path("provider"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", v.path("reference").asText());
        view.put("preset_id", v.path("slug").asText());
        view.put("version", v.path("version").asInt());
        view.put("system_prompt", OpenRouterBodies.text(v, "system_prompt"));
        view.put("config", config);
        String by = OpenRouterBodies.text(v, "created_by");
        view.put("creator_id", by == null ? "" : by);
        view.put("created_at", v.path("created_at").asText());
        view.put("updated_at", v.path("created_at").asText());
        return view;
    }
}
