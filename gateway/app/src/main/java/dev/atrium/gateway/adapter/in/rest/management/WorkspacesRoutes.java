package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * OpenRouter's {@code /api/v1/workspaces}: workspaces and their members from workspace-service, budgets
 * from the workspace's guardrail policy in guardrail-service. Ids are Atrium's workspace ids.
 */
@Path("/api/v1/workspaces")
class WorkspacesRoutes {

    static final String ORG_HEADER = "X-Atrium-Organization";
    private static final Map<String, String> WORKSPACE_FIELDS = Map.of("name", "name", "slug", "slug",
            "default_text_model", "default_text_model", "default_provider_sort", "default_provider_sort");
    static final String DEFAULT_GUARDRAIL = "default_guardrail_id";
    private static final Map<String, String> UPDATE_FIELDS = Map.of("name", "name", "slug", "slug",
            "default_text_model", "default_text_model", "default_provider_sort", "default_provider_sort",
            DEFAULT_GUARDRAIL, DEFAULT_GUARDRAIL);

    private final WorkspaceServiceApi workspaces;
    private final GuardrailServiceApi guardrails;
    private final ManagementCalls calls;
    private final DefaultGuardrails defaults;
    private final Clock clock;

    WorkspacesRoutes(@RestClient WorkspaceServiceApi workspaces, @RestClient GuardrailServiceApi guardrails,
            ManagementCalls calls, DefaultGuardrails defaults, Clock clock) {
        this.workspaces = workspaces;
        this.guardrails = guardrails;
        this.calls = calls;
        this.defaults = defaults;
        this.clock = clock;
    }

    @POST
    public Uni<Response> create(@HeaderParam("Authorization") String auth, @HeaderParam(ORG_HEADER) String org,
            JsonNode body) {
        ObjectNode translated = OpenRouterBodies.translate(body, WORKSPACE_FIELDS);
        return calls.organization(auth, org)
                .flatMap(o -> calls.relay(workspaces.createWorkspace(auth, o, translated)))
                .map(ws -> Response.status(201).entity(Map.of("data", WorkspaceView.of(ws, ""))).build());
    }

    @GET
    public Uni<Map<String, Object>> list(@HeaderParam("Authorization") String auth, @HeaderParam(ORG_HEADER) String org,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return calls.organization(auth, org).flatMap(o -> calls.workspacesOf(auth, o).flatMap(all -> {
            List<JsonNode> page = ManagementCalls.slice(all, offset, limit, 50);
            if (page.isEmpty()) {
                return Uni.createFrom().item(Map.<String, Object>of("data", List.of(), "total_count", all.size()));
            }
            return defaults.withDefaults(auth, o, page)
                    .map(views -> Map.<String, Object>of("data", views, "total_count", all.size()));
        }));
    }

    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> get(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        return calls.relay(workspaces.workspace(auth, id)).flatMap(ws -> defaults.withDefault(auth, ws))
                .map(view -> Map.of("data", view));
    }

    /**
     * {@code default_guardrail_id} (not in OpenRouter's SDK's update request, accepted here for scripts that call
     * the route directly) sets the workspace's default guardrail at guardrail-service; null or "" removes it.
     */
    @PATCH
    @Path("/{id}")
    public Uni<Map<String, Object>> update(@HeaderParam("Authorization") String auth, @PathParam("id") String id,
            JsonNode body) {
        ObjectNode translated = OpenRouterBodies.translate(body, UPDATE_FIELDS);
        if (translated.has("slug")) {
            throw ApiException.badRequest("slug", "A workspace's slug never changes in Atrium");
        }
        JsonNode guardrail = translated.remove(DEFAULT_GUARDRAIL);
        if (guardrail != null && !guardrail.isNull() && !guardrail.isTextual()) {
            throw ApiException.badRequest(DEFAULT_GUARDRAIL, DEFAULT_GUARDRAIL + " must be a guardrail id or null");
        }
        Uni<Void> setDefault = guardrail == null ? Uni.createFrom().voidItem()
                : calls.relay(guardrails.setDefaultGuardrail(auth, id, JsonNodeFactory.instance.objectNode()
                        .set("guardrail_id", guardrail.asText("").isEmpty() ? null : guardrail))).replaceWithVoid();
        Uni<JsonNode> updated = translated.isEmpty() ? calls.relay(workspaces.workspace(auth, id))
                : calls.relay(workspaces.updateWorkspace(auth, id, translated));
        return updated.flatMap(ws -> setDefault.replaceWith(ws)).flatMap(ws -> defaults.withDefault(auth, ws))
                .map(view -> Map.of("data", view));
    }

    /** Atrium archives: the workspace's keys stop, its records stay. */
    @DELETE
    @Path("/{id}")
    public Uni<Map<String, Object>> delete(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        return calls.relay(workspaces.archiveWorkspace(auth, id)).map(none -> Map.of("deleted", true));
    }

    @GET
    @Path("/{id}/members")
    public Uni<Map<String, Object>> members(@HeaderParam("Authorization") String auth, @PathParam("id") String id,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        String now = clock.instant().toString();
        return calls.relay(workspaces.workspaceMembers(auth, id)).map(page -> {
            List<MemberView> all = new ArrayList<>();
            page.path("data").forEach(m -> all.add(new MemberView(id + ":" + m.path("user_id").asText(),
                    m.path("user_id").asText(), id, m.path("role").asText(), now)));
            return Map.of("data", ManagementCalls.slice(all, offset, limit, 50), "total_count", all.size());
        });
    }

    @POST
    @Path("/{id}/members/add")
    public Uni<Map<String, Object>> addMembers(@HeaderParam("Authorization") String auth, @PathParam("id") String id,
            JsonNode body) {
        List<String> users = userIds(body);
        ObjectNode role = JsonNodeFactory.instance.objectNode().put("role", "member");
        String now = clock.instant().toString();
        return each(users, user -> calls.relay(workspaces.setMember(auth, id, user, role))).map(done -> Map.of(
                "added_count", users.size(),
                "data", users.stream().map(u -> new MemberView(id + ":" + u, u, id, "member", now)).toList()));
    }

    @POST
    @Path("/{id}/members/remove")
    public Uni<Map<String, Object>> removeMembers(@HeaderParam("Authorization") String auth,
            @PathParam("id") String id, JsonNode body) {
        List<String> users = userIds(body);
        return each(users, user -> calls.relay(workspaces.removeMember(auth, id, user)))
                .map(done -> Map.of("removed_count", users.size()));
    }

    @GET
    @Path("/{ref}/budgets")
    public Uni<Map<String, Object>> budgets(@HeaderParam("Authorization") String auth, @PathParam("ref") String ref) {
        return calls.relay(guardrails.workspacePolicy(auth, ref)).map(policy -> {
            List<BudgetView> budgets = new ArrayList<>();
            policy.path("policy").path("budgets").forEach(b -> budgets.add(BudgetView.of(ref, policy, b)));
            return Map.of("data", budgets);
        });
    }

    @GET
    @Path("/{ref}/budgets/{interval}")
    public Uni<Map<String, Object>> budget(@HeaderParam("Authorization") String auth, @PathParam("ref") String ref,
            @PathParam("interval") String interval) {
        WorkspaceBudgets.requireInterval(interval);
        return calls.relay(guardrails.workspacePolicy(auth, ref)).map(policy -> Map.of("data",
                BudgetView.of(ref, policy, WorkspaceBudgets.find(policy, interval))));
    }

    /** Sets the budget of that window in the workspace's policy; the policy's other fields stay. */
    @PUT
    @Path("/{ref}/budgets/{interval}")
    public Uni<Map<String, Object>> setBudget(@HeaderParam("Authorization") String auth, @PathParam("ref") String ref,
            @PathParam("interval") String interval, JsonNode body) {
        WorkspaceBudgets.requireInterval(interval);
        ObjectNode b = OpenRouterBodies.translate(body, Map.of("limit_usd", "limit", "include_byok_in_budgets",
                "include_byok"));
        if (!b.path("limit").isNumber()) {
            throw ApiException.badRequest("limit_usd", "limit_usd must be a number");
        }
        b.put("window", interval);
        if (!b.has("include_byok")) {
            b.put("include_byok", false);
        }
        return calls.relay(guardrails.workspacePolicy(auth, ref)).flatMap(current -> {
            ObjectNode policy = WorkspaceBudgets.editable(current);
            policy.set("budgets", WorkspaceBudgets.budgetsBut(current, interval).add(b));
            return calls.relay(guardrails.putWorkspacePolicy(auth, ref, policy));
        }).map(saved -> Map.of("data", BudgetView.of(ref, saved, WorkspaceBudgets.find(saved, interval))));
    }

    @DELETE
    @Path("/{ref}/budgets/{interval}")
    public Uni<Map<String, Object>> deleteBudget(@HeaderParam("Authorization") String auth,
            @PathParam("ref") String ref, @PathParam("interval") String interval) {
        WorkspaceBudgets.requireInterval(interval);
        return calls.relay(guardrails.workspacePolicy(auth, ref)).flatMap(current -> {
            WorkspaceBudgets.find(current, interval);
            ObjectNode policy = WorkspaceBudgets.editable(current);
            policy.set("budgets", WorkspaceBudgets.budgetsBut(current, interval));
            return calls.relay(guardrails.putWorkspacePolicy(auth, ref, policy));
        }).map(saved -> Map.of("deleted", true));
    }

    private static List<String> userIds(JsonNode body) {
        JsonNode ids = body == null ? null : body.path("user_ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw ApiException.badRequest("user_ids", "user_ids must list at least one user id");
        }
        List<String> users = new ArrayList<>();
        ids.forEach(u -> users.add(u.asText()));
        return users;
    }

    /** One call after another, so a refusal stops the rest and names the user it refused. */
    private static Uni<Void> each(List<String> users, java.util.function.Function<String, Uni<Void>> call) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String user : users) {
            chain = chain.flatMap(x -> call.apply(user));
        }
        return chain;
    }

    /** {@code created_at}: Atrium does not record when a membership began; the time of this answer. */
    record MemberView(String id, String userId, String workspaceId, String role, String createdAt) {
    }
}
