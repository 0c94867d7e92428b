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
import java.util.List;
import java.util.Map;

/**
 * An organization: credits and this month's spend, spend by workspace and by day, workspaces; for its admins
 * also members, management keys and the audit log.
 */
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

    /** Every read starts at once; the page waits for the slowest, not for their sum. */
    @GET
    public TemplateInstance show(@PathParam("org") String org) {
        String base = "/api/v1/organizations/" + org;
        boolean admin = viewer.orgAdmin(org);
        var detailsCall = api.fetch(Service.WORKSPACE, base);
        var workspacesCall = api.fetch(Service.WORKSPACE, base + "/workspaces?limit=100&include_archived=true");
        var balanceCall = api.fetch(Service.BILLING, base + "/balance");
        var byWorkspaceCall = api.fetch(Service.BILLING, base + "/usage?group_by=workspace");
        var byDayCall = api.fetch(Service.BILLING, base + "/usage?group_by=day");
        var membersCall = admin ? api.fetch(Service.WORKSPACE, base + "/members") : null;
        var auditCall = admin ? api.fetch(Service.WORKSPACE, base + "/audit?limit=15") : null;
        var managementKeysCall = admin ? api.fetch(Service.WORKSPACE, base + "/management-keys?limit=100") : null;
        JsonNode details = ServiceApi.await(detailsCall);
        Loaded workspaces = Loaded.of(workspacesCall);
        Loaded balance = Loaded.of(balanceCall);
        Loaded byWorkspace = Loaded.of(byWorkspaceCall);
        Loaded byDay = Loaded.of(byDayCall);
        Loaded members = membersCall == null ? null : Loaded.of(membersCall);
        Loaded audit = auditCall == null ? null : Loaded.of(auditCall);
        Loaded managementKeys = managementKeysCall == null ? null : Loaded.of(managementKeysCall);
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
                .data("members", members)
                .data("memberRows", members == null ? List.of() : Views.rows(members.json().path("data")))
                .data("managementKeys", managementKeys)
                .data("managementKeyRows", managementKeys == null ? List.of()
                        : Views.rows(managementKeys.json().path("data")))
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
