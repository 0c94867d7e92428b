package dev.atrium.console.adapter.in.web;

import dev.atrium.console.adapter.out.client.Service;
import dev.atrium.console.adapter.out.client.ServiceApi;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A workspace's usage from billing: by day, model and key for a period (this month unless the filters say
 * otherwise), one generation's detail by its id, and the CSV billing writes.
 */
@Path("/workspaces/{ws}/usage")
@Authenticated
class UsagePage {

    private static final Pattern GROUPING = Pattern.compile("day|model|key|workspace");

    private final Template usage;
    private final Viewer viewer;
    private final ServiceApi api;

    UsagePage(Template usage, Viewer viewer, ServiceApi api) {
        this.usage = usage;
        this.viewer = viewer;
        this.api = api;
    }

    @GET
    public TemplateInstance show(@PathParam("ws") String ws, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("generation") String generation) {
        var details = api.get(Service.WORKSPACE, "/api/v1/workspaces/" + ws);
        String period = period(from, to);
        Loaded byDay = report(ws, "day", period);
        Loaded byModel = report(ws, "model", period);
        Loaded byKey = report(ws, "key", period);
        Map<String, Object> names = new java.util.HashMap<>();
        Loaded keys = Loaded.of(() -> api.get(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/keys?limit=100"));
        Views.rows(keys.json().path("data")).forEach(k -> names.put(String.valueOf(k.get("id")), k.get("name")));
        List<Map<String, Object>> keyRows = Views.rows(byKey.json().path("data"));
        keyRows.forEach(r -> r.put("name", names.getOrDefault(String.valueOf(r.get("key_id")), r.get("key_id"))));
        List<Map<String, Object>> dayRows = Views.rows(byDay.json().path("data"));
        List<Map<String, Object>> modelRows = Views.rows(byModel.json().path("data"));
        Loaded found = generation == null || generation.isBlank() ? null
                : Loaded.of(() -> api.get(Service.BILLING, "/api/v1/generations/" + encode(generation.trim())));
        return usage.data("me", viewer.me()).data("ws", Views.plain(details)).data("from", from == null ? "" : from)
                .data("to", to == null ? "" : to).data("query", period).data("report", byDay)
                .data("total", Views.plain(byDay.json().path("total")))
                .data("totalCharged", Views.money(byDay.json().path("total").path("charged")))
                .data("dayRows", dayRows).data("dayChart", Views.chart(dayRows, "day", "charged"))
                .data("modelRows", modelRows).data("modelChart", Views.chart(modelRows, "model", "charged"))
                .data("keyRows", keyRows).data("keyChart", Views.chart(keyRows, "name", "charged"))
                .data("generationId", generation == null ? "" : generation.trim())
                .data("generation", found).data("generationData", found == null ? null
                        : Views.plain(found.json().path("data")));
    }

    /** Billing's CSV, passed on as a download. */
    @GET
    @Path("csv")
    public Response csv(@PathParam("ws") String ws, @QueryParam("group_by") String groupBy,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        String grouping = groupBy != null && GROUPING.matcher(groupBy).matches() ? groupBy : "day";
        String body = api.getText(Service.BILLING, "/api/v1/workspaces/" + ws + "/usage?format=csv&group_by="
                + grouping + period(from, to));
        return Response.ok(body, "text/csv").header("Content-Disposition",
                "attachment; filename=\"usage-" + ws + "-" + grouping + ".csv\"").build();
    }

    private Loaded report(String ws, String grouping, String period) {
        return Loaded.of(() -> api.get(Service.BILLING, "/api/v1/workspaces/" + ws + "/usage?group_by=" + grouping
                + period));
    }

    private static String period(String from, String to) {
        StringBuilder q = new StringBuilder();
        if (from != null && !from.isBlank()) {
            q.append("&from=").append(encode(from.trim()));
        }
        if (to != null && !to.isBlank()) {
            q.append("&to=").append(encode(to.trim()));
        }
        return q.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
