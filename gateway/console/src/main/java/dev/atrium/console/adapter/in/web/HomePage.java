package dev.atrium.console.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.console.adapter.out.client.Service;
import dev.atrium.console.adapter.out.client.ServiceApi;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The start page: the organizations the token names; a platform admin may open or create any. */
@Path("/")
@Authenticated
class HomePage {

    private final Template home;
    private final Viewer viewer;
    private final ServiceApi api;

    HomePage(Template home, Viewer viewer, ServiceApi api) {
        this.home = home;
        this.viewer = viewer;
        this.api = api;
    }

    @GET
    public Object show(@QueryParam("org") String org) {
        if (org != null && !org.isBlank()) {
            return Response.seeOther(URI.create("/organizations/" + org.trim())).build();
        }
        List<Viewer.Membership> memberships = viewer.memberships();
        if (memberships.size() == 1 && !viewer.platformAdmin()) {
            return Response.seeOther(URI.create("/organizations/" + memberships.get(0).organizationId())).build();
        }
        return home.data("me", viewer.me()).data("memberships", memberships).data("error", null);
    }

    @POST
    @Path("organizations")
    public Object create(@FormParam("name") String name, @FormParam("slug") String slug) {
        try {
            JsonNode created = api.post(Service.WORKSPACE, "/api/v1/organizations", Map.of("name", blank(name),
                    "slug", blank(slug)));
            return Response.seeOther(URI.create("/organizations/" + created.path("id").asText())).build();
        } catch (dev.atrium.console.adapter.out.client.ServiceCallException e) {
            TemplateInstance page = home.data("me", viewer.me()).data("memberships", viewer.memberships())
                    .data("error", e.getMessage());
            return Response.status(e.status() == 0 ? 502 : e.status()).entity(page).build();
        }
    }

    static String blank(String value) {
        return value == null ? "" : value.trim();
    }
}
