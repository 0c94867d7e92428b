package dev.atrium.console.adapter.in.web;

import static dev.atrium.console.adapter.in.web.HomePage.blank;
import static dev.atrium.console.adapter.in.web.UsagePage.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.console.adapter.out.client.Service;
import dev.atrium.console.adapter.out.client.ServiceApi;
import dev.atrium.console.adapter.out.client.ServiceCallException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;

/**
 * A workspace admin's changes to its provider keys (BYOK), plugin defaults and observability destinations:
 * each one call to workspace-service's route, which checks and keeps them.
 */
@Path("/workspaces/{ws}")
@Authenticated
class WorkspaceSettingsPage {

    private final ServiceApi api;
    private final ObjectMapper json;

    WorkspaceSettingsPage(ServiceApi api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    /** Adds or replaces the provider's key; the answer (and every page after) shows it masked. */
    @POST
    @Path("byok")
    public Response putByok(@PathParam("ws") String ws, @FormParam("provider") String provider,
            @FormParam("key") String key, @FormParam("is_fallback") String fallback,
            @FormParam("allowed_models") String allowedModels) {
        ObjectNode body = json.createObjectNode().put("key", blank(key)).put("is_fallback", fallback != null);
        var models = Arrays.stream(blank(allowedModels).split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
        if (!models.isEmpty()) {
            models.forEach(body.putArray("allowed_models")::add);
        }
        api.put(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/byok/" + encode(blank(provider)), body);
        return back(ws, "byok-title");
    }

    @POST
    @Path("byok/{provider}/remove")
    public Response removeByok(@PathParam("ws") String ws, @PathParam("provider") String provider) {
        api.delete(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/byok/" + encode(provider));
        return back(ws, "byok-title");
    }

    /** The whole list of plugin defaults, as JSON ({@code [{"id","enabled","locked","options"}]}). */
    @POST
    @Path("plugins")
    public Response putPlugins(@PathParam("ws") String ws, @FormParam("plugins") String plugins) {
        ObjectNode body = json.createObjectNode();
        body.set("plugins", JsonForms.array(json, "plugins", blank(plugins).isEmpty() ? "[]" : plugins));
        api.put(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/plugins", body);
        return back(ws, "plugins-title");
    }

    /**
     * The whole list of destinations, as JSON. Header values are answered as "****" and stored as sent, so a
     * list that still holds "****" is refused here rather than overwrite the real values with it.
     */
    @POST
    @Path("observability")
    public Response putObservability(@PathParam("ws") String ws, @FormParam("destinations") String destinations) {
        JsonNode list = JsonForms.array(json, "destinations", blank(destinations).isEmpty() ? "[]" : destinations);
        for (JsonNode destination : list) {
            destination.path("headers").fields().forEachRemaining(h -> {
                if (h.getValue().asText().equals("****")) {
                    throw new ServiceCallException(400, "Header " + h.getKey() + " still shows ****: write its value"
                            + " again (stored values are never shown) or remove the header");
                }
            });
            if (destination instanceof ObjectNode editable) {
                // Delivery outcomes are the gateway's reports, shown on the page; they are not settings.
                editable.remove(java.util.List.of("last_success_at", "last_error", "last_error_at"));
            }
        }
        ObjectNode body = json.createObjectNode();
        body.set("destinations", list);
        api.put(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/observability", body);
        return back(ws, "obs-title");
    }

    private static Response back(String ws, String section) {
        return Response.seeOther(URI.create("/workspaces/" + ws + "#" + section)).build();
    }
}
