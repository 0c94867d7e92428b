package dev.atrium.console.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * A workspace's usage from billing: by day, model, key and provider for a period (this month unless the filters say
 * otherwise), one generation's detail by its id, and the CSV billing writes.
 */
@Path("/workspaces/{ws}/usage")
@Authenticated
class UsagePage {

    private static final Pattern GROUPING = Pattern.compile("day|model|key|provider|workspace");

    private final Template usage;
    private final Viewer viewer;
    private final ServiceApi api;

    UsagePage(Template usage, Viewer viewer, ServiceApi api) {
        this.usage = usage;
        this.viewer = viewer;
        this.api = api;
    }

    /** Every read starts at once; the page waits for the slowest, not for their sum. */
    @GET
    public TemplateInstance show(@PathParam("ws") String ws, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("generation") String generation) {
        var detailsCall = api.fetch(Service.WORKSPACE, "/api/v1/workspaces/" + ws);
        String period = period(from, to);
        var byDayCall = report(ws, "day", period);
        var byModelCall = report(ws, "model", period);
        var byKeyCall = report(ws, "key", period);
        var byProviderCall = report(ws, "provider", period);
        var keysCall = api.fetch(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/keys?limit=100");
        var generationCall = generation == null || generation.isBlank() ? null
                : api.fetch(Service.BILLING, "/api/v1/generations/" + encode(generation.trim()));
        var details = ServiceApi.await(detailsCall);
        Loaded byDay = Loaded.of(byDayCall);
        Loaded byModel = Loaded.of(byModelCall);
        Loaded byKey = Loaded.of(byKeyCall);
        Loaded byProvider = Loaded.of(byProviderCall);
        Loaded keys = Loaded.of(keysCall);
        Map<String, Object> names = new java.util.HashMap<>();
        Views.rows(keys.json().path("data")).forEach(k -> names.put(String.valueOf(k.get("id")), k.get("name")));
        List<Map<String, Object>> keyRows = Views.rows(byKey.json().path("data"));
        keyRows.forEach(r -> r.put("name", names.getOrDefault(String.valueOf(r.get("key_id")), r.get("key_id"))));
        List<Map<String, Object>> dayRows = Views.rows(byDay.json().path("data"));
        List<Map<String, Object>> modelRows = Views.rows(byModel.json().path("data"));
        List<Map<String, Object>> providerRows = Views.rows(byProvider.json().path("data"));
        Loaded found = generationCall == null ? null : Loaded.of(generationCall);
        return usage.data("me", viewer.me()).data("ws", Views.plain(details)).data("from", from == null ? "" : from)
                .data("to", to == null ? "" : to).data("query", period).data("report", byDay)
                .data("total", Views.plain(byDay.json().path("total")))
                .data("totalCharged", Views.money(byDay.json().path("total").path("charged")))
                .data("dayRows", dayRows).data("dayChart", Views.chart(dayRows, "day", "charged"))
                .data("modelRows", modelRows).data("modelChart", Views.chart(modelRows, "model", "charged"))
                .data("keyRows", keyRows).data("keyChart", Views.chart(keyRows, "name", "charged"))
                .data("providerRows", providerRows).data("providerChart", Views.chart(providerRows, "provider", "charged"))
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

    private CompletableFuture<JsonNode> report(String ws, String grouping, String period) {
        return api.fetch(Service.BILLING, "/api/v1/workspaces/" + ws + "/usage?group_by=" + grouping + period);
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
