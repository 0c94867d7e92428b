package dev.atrium.console.adapter.in.web;

import static dev.atrium.console.adapter.in.web.HomePage.blank;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** An organization: credits and this month's spend, spend by workspace and by day, workspaces, audit. */
@Path("/organizations/{org}")
@Authenticated
class OrganizationPage {

    private final Template organization;
    private final Viewer viewer;
    private final ServiceApi api;

    OrganizationPage(Template organization, Viewer viewer, ServiceApi api) {
        this.organization = organization;
        this.viewer = viewer;
        this.api = api;
    }

    @GET
    public TemplateInstance show(@PathParam("org") String org) {
        JsonNode details = api.get(Service.WORKSPACE, "/api/v1/organizations/" + org);
        Loaded workspaces = Loaded.of(() -> api.get(Service.WORKSPACE, "/api/v1/organizations/" + org
                + "/workspaces?limit=100&include_archived=true"));
        Loaded balance = Loaded.of(() -> api.get(Service.BILLING, "/api/v1/organizations/" + org + "/balance"));
        Loaded byWorkspace = Loaded.of(() -> api.get(Service.BILLING, "/api/v1/organizations/" + org
                + "/usage?group_by=workspace"));
        Loaded byDay = Loaded.of(() -> api.get(Service.BILLING, "/api/v1/organizations/" + org + "/usage?group_by=day"));
        boolean admin = viewer.orgAdmin(org);
        Loaded audit = admin ? Loaded.of(() -> api.get(Service.WORKSPACE, "/api/v1/organizations/" + org
                + "/audit?limit=15")) : null;
        var names = new java.util.HashMap<String, Object>();
        Views.rows(workspaces.json().path("data")).forEach(w -> names.put(String.valueOf(w.get("id")), w.get("name")));
        var spendRows = Views.rows(byWorkspace.json().path("data"));
        spendRows.forEach(r -> r.put("name", names.getOrDefault(String.valueOf(r.get("workspace_id")),
                r.get("workspace_id"))));
        var dayRows = Views.rows(byDay.json().path("data"));
        return organization.data("me", viewer.me()).data("org", Views.plain(details)).data("admin", admin)
                .data("workspaces", workspaces).data("workspaceRows", Views.rows(workspaces.json().path("data")))
                .data("balance", balance).data("balanceText", Views.money(balance.json().path("balance")))
                .data("spend", byWorkspace).data("monthSpend", Views.money(byWorkspace.json().path("total").path("charged")))
                .data("spendRows", spendRows).data("spendChart", Views.chart(spendRows, "name", "charged"))
                .data("dayRows", dayRows).data("dayChart", Views.chart(dayRows, "day", "charged"))
                .data("audit", audit);
    }

    @POST
    @Path("workspaces")
    public Response createWorkspace(@PathParam("org") String org, @FormParam("name") String name,
            @FormParam("slug") String slug) {
        JsonNode created = api.post(Service.WORKSPACE, "/api/v1/organizations/" + org + "/workspaces",
                Map.of("name", blank(name), "slug", blank(slug)));
        return Response.seeOther(URI.create("/workspaces/" + created.path("id").asText())).build();
    }
}
