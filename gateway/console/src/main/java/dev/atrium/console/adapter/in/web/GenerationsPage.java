package dev.atrium.console.adapter.in.web;

import static dev.atrium.console.adapter.in.web.HomePage.blank;
import static dev.atrium.console.adapter.in.web.UsagePage.encode;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace's generations log from billing, newest first: filtered by model, key and days, a page at a time
 * (billing's cursor), each row linking to the generation's detail; the same page as billing's CSV.
 */
@Path("/workspaces/{ws}/generations")
@Authenticated
class GenerationsPage {

    private final Template generations;
    private final Viewer viewer;
    private final ServiceApi api;

    GenerationsPage(Template generations, Viewer viewer, ServiceApi api) {
        this.generations = generations;
        this.viewer = viewer;
        this.api = api;
    }

    @GET
    public TemplateInstance show(@PathParam("ws") String ws, @QueryParam("model") String model,
            @QueryParam("key") String key, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor) {
        String filters = filters(model, key, from, to);
        var detailsCall = api.fetch(Service.WORKSPACE, "/api/v1/workspaces/" + ws);
        var keysCall = api.fetch(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/keys?limit=100");
        var logCall = api.fetch(Service.BILLING, "/api/v1/workspaces/" + ws + "/generations?limit=50" + filters
                + (blank(cursor).isEmpty() ? "" : "&cursor=" + encode(blank(cursor))));
        var details = ServiceApi.await(detailsCall);
        Loaded keys = Loaded.of(keysCall);
        Loaded log = Loaded.of(logCall);
        Map<String, Object> names = new HashMap<>();
        List<Map<String, Object>> keyRows = Views.rows(keys.json().path("data"));
        keyRows.forEach(k -> names.put(String.valueOf(k.get("id")), k.get("name")));
        List<Map<String, Object>> rows = Views.rows(log.json().path("data"));
        rows.forEach(r -> r.put("key_name", names.getOrDefault(String.valueOf(r.get("key_id")), r.get("key_id"))));
        String next = log.json().path("next_cursor").isTextual() ? log.json().path("next_cursor").asText() : null;
        return generations.data("me", viewer.me()).data("ws", Views.plain(details)).data("log", log)
                .data("rows", rows).data("keyRows", keyRows).data("model", blank(model)).data("key", blank(key))
                .data("from", blank(from)).data("to", blank(to)).data("filters", query(filters))
                .data("next", next == null ? null : query(filters + "&cursor=" + encode(next)));
    }

    /** Billing's CSV of the filtered log (its newest 200), passed on as a download. */
    @GET
    @Path("csv")
    public Response csv(@PathParam("ws") String ws, @QueryParam("model") String model, @QueryParam("key") String key,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        String body = api.getText(Service.BILLING, "/api/v1/workspaces/" + ws + "/generations?format=csv&limit=200"
                + filters(model, key, from, to));
        return Response.ok(body, "text/csv").header("Content-Disposition",
                "attachment; filename=\"generations-" + ws + ".csv\"").build();
    }

    /** Query parameters as a link's query string (without the leading separator). */
    private static String query(String parameters) {
        return parameters.isEmpty() ? "" : parameters.substring(1);
    }

    private static String filters(String model, String key, String from, String to) {
        StringBuilder q = new StringBuilder();
        append(q, "model", model);
        append(q, "key", key);
        append(q, "from", from);
        append(q, "to", to);
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (!blank(value).isEmpty()) {
            q.append('&').append(name).append('=').append(encode(blank(value)));
        }
    }
}
