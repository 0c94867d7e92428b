package dev.atrium.console.adapter.in.web;

import static dev.atrium.console.adapter.in.web.HomePage.blank;

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
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace: its keys, guardrails with the effective policy and budget bars, routing, plugins and
 * observability destinations; and the changes an admin makes there, each one call to the owning service.
 */
@Path("/workspaces/{ws}")
@Authenticated
class WorkspacePage {

    private final Template workspace;
    private final Template keyCreated;
    private final Viewer viewer;
    private final ServiceApi api;
    private final ObjectMapper json;

    WorkspacePage(Template workspace, Template keyCreated, Viewer viewer, ServiceApi api, ObjectMapper json) {
        this.workspace = workspace;
        this.keyCreated = keyCreated;
        this.viewer = viewer;
        this.api = api;
        this.json = json;
    }

    /** Every read starts at once; the page waits for the slowest, not for their sum. */
    @GET
    public TemplateInstance show(@PathParam("ws") String ws) {
        String base = "/api/v1/workspaces/" + ws;
        var detailsCall = api.fetch(Service.WORKSPACE, base);
        var keysCall = api.fetch(Service.WORKSPACE, base + "/keys?limit=100");
        var policyCall = api.fetch(Service.GUARDRAIL, base + "/guardrails");
        var effectiveCall = api.fetch(Service.GUARDRAIL, base + "/guardrails/effective");
        var routingCall = api.fetch(Service.ROUTING, base + "/routing");
        var pluginsCall = api.fetch(Service.WORKSPACE, base + "/plugins");
        var observabilityCall = api.fetch(Service.WORKSPACE, base + "/observability");
        var membersCall = api.fetch(Service.WORKSPACE, base + "/members");
        var presetsCall = api.fetch(Service.WORKSPACE, base + "/presets");
        var byokCall = api.fetch(Service.WORKSPACE, base + "/byok");
        Loaded keys = Loaded.of(keysCall);
        Loaded policy = Loaded.of(policyCall);
        Loaded effective = Loaded.of(effectiveCall);
        Loaded routing = Loaded.of(routingCall);
        Loaded plugins = Loaded.of(pluginsCall);
        Loaded observability = Loaded.of(observabilityCall);
        Loaded members = Loaded.of(membersCall);
        Loaded presets = Loaded.of(presetsCall);
        Loaded byok = Loaded.of(byokCall);
        JsonNode details = ServiceApi.await(detailsCall);
        String org = details.path("organization_id").asText();
        JsonNode current = policy.json().path("policy");
        return workspace.data("me", viewer.me()).data("ws", Views.plain(details)).data("orgId", org)
                .data("admin", viewer.workspaceAdmin(org, ws)).data("orgAdmin", viewer.orgAdmin(org))
                .data("keys", keys).data("keyRows", Views.rows(keys.json().path("data")))
                .data("policy", policy).data("effective", effective)
                .data("effectivePolicy", pretty(effective.json().path("policy")))
                .data("decidedBy", Views.plain(effective.json().path("decided_by")))
                .data("budgets", budgets(effective.json().path("budgets")))
                .data("allowedModels", list(current.path("allowed_models")))
                .data("ignoredModels", list(current.path("ignored_models")))
                .data("monthlyBudget", monthly(current.path("budgets")))
                .data("maxTokens", current.path("max_tokens").isNumber() ? current.path("max_tokens").asText() : "")
                .data("routing", routing).data("routingJson", pretty(routing.json().path("data")))
                .data("plugins", plugins).data("pluginRows", Views.rows(plugins.json().path("plugins")))
                .data("pluginsJson", pretty(plugins.json().path("plugins")))
                .data("observability", observability)
                .data("destinations", Views.rows(observability.json().path("destinations")))
                .data("destinationsJson", pretty(observability.json().path("destinations")))
                .data("members", members).data("memberRows", Views.rows(members.json().path("data")))
                .data("presets", presets).data("presetRows", Views.rows(presets.json().path("data")))
                .data("byok", byok).data("byokRows", Views.rows(byok.json().path("data")));
    }

    @POST
    @Path("rename")
    public Response rename(@PathParam("ws") String ws, @FormParam("name") String name) {
        api.patch(Service.WORKSPACE, "/api/v1/workspaces/" + ws, Map.of("name", blank(name)));
        return back(ws);
    }

    @POST
    @Path("archive")
    public Response archive(@PathParam("ws") String ws) {
        String org = api.get(Service.WORKSPACE, "/api/v1/workspaces/" + ws).path("organization_id").asText();
        api.delete(Service.WORKSPACE, "/api/v1/workspaces/" + ws);
        return Response.seeOther(URI.create("/organizations/" + org)).build();
    }

    /** The secret is in this answer only: shown once, never stored or sent again. */
    @POST
    @Path("keys")
    public TemplateInstance createKey(@PathParam("ws") String ws, @FormParam("name") String name,
            @FormParam("limit") String limit, @FormParam("limit_reset") String limitReset,
            @FormParam("expires_on") String expiresOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", blank(name));
        if (!blank(limit).isEmpty()) {
            body.put("limit", new BigDecimal(blank(limit)));
        }
        if (!blank(limitReset).isEmpty()) {
            body.put("limit_reset", blank(limitReset));
        }
        if (!blank(expiresOn).isEmpty()) {
            body.put("expires_at", LocalDate.parse(blank(expiresOn)).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        }
        JsonNode created = api.post(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/keys", body);
        return keyCreated.data("me", viewer.me()).data("wsId", ws).data("key", Views.plain(created));
    }

    /** A new secret, shown once like a new key's; the previous one stops at once. */
    @POST
    @Path("keys/{key}/rotate")
    public TemplateInstance rotateKey(@PathParam("ws") String ws, @PathParam("key") String key) {
        JsonNode rotated = api.post(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/keys/" + key + "/rotate",
                Map.of());
        return keyCreated.data("me", viewer.me()).data("wsId", ws).data("key", Views.plain(rotated));
    }

    @POST
    @Path("keys/{key}/disable")
    public Response disableKey(@PathParam("ws") String ws, @PathParam("key") String key) {
        api.patch(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/keys/" + key, Map.of("disabled", true));
        return back(ws);
    }

    @POST
    @Path("keys/{key}/enable")
    public Response enableKey(@PathParam("ws") String ws, @PathParam("key") String key) {
        api.patch(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/keys/" + key, Map.of("disabled", false));
        return back(ws);
    }

    @POST
    @Path("keys/{key}/delete")
    public Response deleteKey(@PathParam("ws") String ws, @PathParam("key") String key) {
        api.delete(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/keys/" + key);
        return back(ws);
    }

    /**
     * Writes the workspace's policy with the form's fields replaced and every other field as it was, so a
     * field the form does not show (content filters, data policy) is kept.
     */
    @POST
    @Path("guardrails")
    public Response guardrails(@PathParam("ws") String ws, @FormParam("allowed_models") String allowed,
            @FormParam("ignored_models") String ignored, @FormParam("monthly_budget") String monthly,
            @FormParam("max_tokens") String maxTokens) {
        JsonNode stored = api.get(Service.GUARDRAIL, "/api/v1/workspaces/" + ws + "/guardrails").path("policy");
        ObjectNode policy = stored.isObject() ? ((ObjectNode) stored).deepCopy() : json.createObjectNode();
        setList(policy, "allowed_models", allowed);
        setList(policy, "ignored_models", ignored);
        var budgets = json.createArrayNode();
        policy.path("budgets").forEach(b -> {
            if (!b.path("window").asText().equals("monthly")) {
                budgets.add(b);
            }
        });
        if (!blank(monthly).isEmpty()) {
            budgets.addObject().put("window", "monthly").put("limit", new BigDecimal(blank(monthly)));
        }
        policy.remove("budgets");
        if (!budgets.isEmpty()) {
            policy.set("budgets", budgets);
        }
        policy.remove("max_tokens");
        if (!blank(maxTokens).isEmpty()) {
            policy.put("max_tokens", Integer.parseInt(blank(maxTokens)));
        }
        api.put(Service.GUARDRAIL, "/api/v1/workspaces/" + ws + "/guardrails", policy);
        return back(ws);
    }

    @POST
    @Path("members")
    public Response putMember(@PathParam("ws") String ws, @FormParam("user_id") String user,
            @FormParam("role") String role) {
        api.put(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/members/" + blank(user), Map.of("role", blank(role)));
        return back(ws);
    }

    @POST
    @Path("members/remove")
    public Response removeMember(@PathParam("ws") String ws, @FormParam("user_id") String user) {
        api.delete(Service.WORKSPACE, "/api/v1/workspaces/" + ws + "/members/" + blank(user));
        return back(ws);
    }

    private static Response back(String ws) {
        return Response.seeOther(URI.create("/workspaces/" + ws)).build();
    }

    private static void setList(ObjectNode policy, String field, String commaList) {
        List<String> items = Arrays.stream(blank(commaList).split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
        policy.remove(field);
        if (!items.isEmpty()) {
            items.forEach(policy.putArray(field)::add);
        }
    }

    private static String list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return String.join(", ", out);
    }

    private static String monthly(JsonNode budgets) {
        for (JsonNode b : budgets) {
            if (b.path("window").asText().equals("monthly")) {
                return b.path("limit").asText();
            }
        }
        return "";
    }

    /** Each budget with what is spent, held and left, as shares of its limit for the bar. */
    static List<Map<String, Object>> budgets(JsonNode budgets) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode b : budgets) {
            BigDecimal limit = b.path("limit").decimalValue();
            BigDecimal spent = b.path("spent").decimalValue();
            BigDecimal held = b.path("reserved").decimalValue();
            BigDecimal left = limit.subtract(spent).subtract(held).max(BigDecimal.ZERO);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", b.path("level").asText());
            row.put("window", b.path("window").asText());
            row.put("source", b.path("source").asText());
            row.put("limit", Views.money(limit));
            row.put("spent", Views.money(spent));
            row.put("held", Views.money(held));
            row.put("left", Views.money(left));
            row.put("spentPercent", percent(spent, limit));
            row.put("heldPercent", percent(held, limit));
            out.add(row);
        }
        return out;
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0) {
            return "100";
        }
        BigDecimal p = part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, java.math.RoundingMode.HALF_UP);
        return p.min(BigDecimal.valueOf(100)).toPlainString();
    }

    private String pretty(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return node.toString();
        }
    }
}
