package dev.atrium.console.adapter.in.web;

import static dev.atrium.console.adapter.in.web.HomePage.blank;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.console.adapter.out.client.Service;
import dev.atrium.console.adapter.out.client.ServiceApi;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/**
 * An organization's management keys (listed on its page): issued with the secret shown once, and revoked;
 * workspace-service keeps them and decides who may.
 */
@Path("/organizations/{org}/management-keys")
@Authenticated
class ManagementKeysPage {

    private final Template managementKeyCreated;
    private final Viewer viewer;
    private final ServiceApi api;

    ManagementKeysPage(Template managementKeyCreated, Viewer viewer, ServiceApi api) {
        this.managementKeyCreated = managementKeyCreated;
        this.viewer = viewer;
        this.api = api;
    }

    /** The secret is in this answer only: shown once, never stored or sent again. */
    @POST
    public TemplateInstance create(@PathParam("org") String org, @FormParam("name") String name) {
        JsonNode created = api.post(Service.WORKSPACE, "/api/v1/organizations/" + org + "/management-keys",
                Map.of("name", blank(name)));
        return managementKeyCreated.data("me", viewer.me()).data("orgId", org).data("key", Views.plain(created));
    }

    @POST
    @Path("{key}/revoke")
    public Response revoke(@PathParam("org") String org, @PathParam("key") String key) {
        api.delete(Service.WORKSPACE, "/api/v1/organizations/" + org + "/management-keys/" + key);
        return Response.seeOther(URI.create("/organizations/" + org + "#mk-title")).build();
    }
}
