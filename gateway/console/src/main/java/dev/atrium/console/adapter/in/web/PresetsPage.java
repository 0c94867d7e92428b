package dev.atrium.console.adapter.in.web;

import static dev.atrium.console.adapter.in.web.HomePage.blank;
import static dev.atrium.console.adapter.in.web.UsagePage.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.console.adapter.out.client.Service;
import dev.atrium.console.adapter.out.client.ServiceApi;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * A workspace's presets: each at its latest version, one preset's versions, and the form that writes a new
 * version (a new slug's first); workspace-service numbers the versions and checks the fields.
 */
@Path("/workspaces/{ws}/presets")
@Authenticated
class PresetsPage {

    private final Template presets;
    private final Viewer viewer;
    private final ServiceApi api;
    private final ObjectMapper json;

    PresetsPage(Template presets, Viewer viewer, ServiceApi api, ObjectMapper json) {
        this.presets = presets;
        this.viewer = viewer;
        this.api = api;
        this.json = json;
    }

    @GET
    public TemplateInstance show(@PathParam("ws") String ws, @QueryParam("slug") String slug) {
        String base = "/api/v1/workspaces/" + ws;
        String chosen = blank(slug);
        var detailsCall = api.fetch(Service.WORKSPACE, base);
        var listCall = api.fetch(Service.WORKSPACE, base + "/presets");
        var versionsCall = chosen.isEmpty() ? null
                : api.fetch(Service.WORKSPACE, base + "/presets/" + encode(chosen) + "/versions?limit=50");
        JsonNode details = ServiceApi.await(detailsCall);
        String org = details.path("organization_id").asText();
        Loaded list = Loaded.of(listCall);
        Loaded versions = versionsCall == null ? null : Loaded.of(versionsCall);
        List<java.util.Map<String, Object>> versionRows = versions == null ? List.of()
                : Views.rows(versions.json().path("data"));
        JsonNode latest = versionRows.isEmpty() ? null : versions.json().path("data").get(0);
        return presets.data("me", viewer.me()).data("ws", Views.plain(details)).data("orgId", org)
                .data("admin", viewer.workspaceAdmin(org, ws)).data("list", list)
                .data("rows", Views.rows(list.json().path("data"))).data("slug", chosen).data("versions", versions)
                .data("versionRows", versionRows).data("latest", latest != null)
                .data("latestModel", latest == null ? "" : latest.path("model").asText(""))
                .data("latestPrompt", latest == null ? "" : latest.path("system_prompt").asText(""))
                .data("parametersJson", latest == null ? "{}" : compact(latest.path("parameters")));
    }

    /** Writes the next version; the parameters field is the preset's JSON object of request parameters. */
    @POST
    public Response save(@PathParam("ws") String ws, @FormParam("slug") String slug, @FormParam("model") String model,
            @FormParam("system_prompt") String systemPrompt, @FormParam("parameters") String parameters) {
        ObjectNode body = json.createObjectNode();
        if (!blank(model).isEmpty()) {
            body.put("model", blank(model));
        }
        if (!blank(systemPrompt).isEmpty()) {
            body.put("system_prompt", systemPrompt.strip());
        }
        if (!blank(parameters).isEmpty()) {
            body.set("parameters", JsonForms.object(json, "parameters", parameters));
        }
        api.put(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/presets/" + encode(blank(slug)), body);
        return Response.seeOther(URI.create("/workspaces/" + ws + "/presets?slug=" + encode(blank(slug)))).build();
    }

    private String compact(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "{}" : node.toString();
    }
}
