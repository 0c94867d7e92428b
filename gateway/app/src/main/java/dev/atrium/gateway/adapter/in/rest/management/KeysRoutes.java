package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.guardrail.api.KeySpends;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * OpenRouter's {@code /api/v1/keys}, served by workspace-service. A key's {@code hash} is its Atrium key id
 * (OpenRouter's handle for a key that is not its secret); guardrail assignments take the same value.
 */
@Path("/api/v1/keys")
class KeysRoutes {

    private static final Map<String, String> CREATE_FIELDS = Map.of("name", "name", "limit", "limit", "limit_reset",
            "limit_reset", "include_byok_in_limit", "include_byok_in_limit", "expires_at", "expires_at",
            "creator_user_id", "owner_user_id", "workspace_id", "workspace_id");
    private static final Map<String, String> UPDATE_FIELDS = Map.of("name", "name", "limit", "limit", "limit_reset",
            "limit_reset", "include_byok_in_limit", "include_byok_in_limit", "disabled", "disabled");

    private final WorkspaceServiceApi workspaces;
    private final GuardrailServiceApi guardrails;
    private final ManagementCalls calls;

    KeysRoutes(@RestClient WorkspaceServiceApi workspaces, @RestClient GuardrailServiceApi guardrails,
            ManagementCalls calls) {
        this.workspaces = workspaces;
        this.guardrails = guardrails;
        this.calls = calls;
    }

    /** {@code workspace_id} may be left out when the organization has exactly one workspace. */
    @POST
    public Uni<Response> create(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, JsonNode body) {
        ObjectNode translated = OpenRouterBodies.translate(body, CREATE_FIELDS);
        String named = OpenRouterBodies.text(translated, "workspace_id");
        translated.remove("workspace_id");
        Uni<String> workspace = calls.workspaceOrOnly(auth, org, named);
        return workspace.flatMap(ws -> calls.relay(workspaces.issueKey(auth, ws, translated)))
                .map(k -> Response.status(201).entity(Map.of("data", KeyView.unspent(k), "key",
                        k.path("key").asText())).build());
    }

    @GET
    public Uni<Map<String, Object>> list(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, @QueryParam("offset") Integer offset,
            @QueryParam("include_disabled") boolean includeDisabled, @QueryParam("workspace_id") String workspaceId) {
        return calls.workspaceIds(auth, org, workspaceId).flatMap(ids -> keysOf(auth, ids, 0, new ArrayList<>()))
                .flatMap(all -> {
                    List<JsonNode> shown = all.stream().filter(k -> includeDisabled || !k.path("disabled").asBoolean())
                            .toList();
                    List<JsonNode> page = ManagementCalls.slice(shown, offset, ManagementCalls.SERVICE_PAGE,
                            ManagementCalls.SERVICE_PAGE);
                    if (page.isEmpty()) {
                        return Uni.createFrom().item(Map.<String, Object>of("data", List.of()));
                    }
                    return views(auth, page).map(views -> Map.<String, Object>of("data", views));
                });
    }

    @GET
    @Path("/{hash}")
    public Uni<Map<String, Object>> get(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, @PathParam("hash") String hash) {
        return find(auth, org, hash).flatMap(k -> view(auth, k)).map(v -> Map.of("data", v));
    }

    @PATCH
    @Path("/{hash}")
    public Uni<Map<String, Object>> update(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, @PathParam("hash") String hash, JsonNode body) {
        ObjectNode translated = OpenRouterBodies.translate(body, UPDATE_FIELDS);
        return find(auth, org, hash).flatMap(k -> calls.relay(workspaces.updateKey(auth,
                k.path("workspace_id").asText(), hash, translated))).flatMap(k -> view(auth, k))
                .map(v -> Map.of("data", v));
    }

    @DELETE
    @Path("/{hash}")
    public Uni<Map<String, Object>> delete(@HeaderParam("Authorization") String auth,
            @HeaderParam(WorkspacesRoutes.ORG_HEADER) String org, @PathParam("hash") String hash) {
        return find(auth, org, hash).flatMap(k -> calls.relay(workspaces.revokeKey(auth,
                k.path("workspace_id").asText(), hash))).map(none -> Map.of("deleted", true));
    }

    private Uni<KeyView> view(String auth, JsonNode key) {
        return views(auth, List.of(key)).map(views -> views.get(0));
    }

    /**
     * OpenRouter's keys with their spend now, from guardrail-service, which counts it: one call per workspace
     * of the page, not one per key. A key guardrail has not learnt yet (just issued) has spent nothing.
     */
    private Uni<List<KeyView>> views(String auth, List<JsonNode> keys) {
        Map<String, List<String>> byWorkspace = new LinkedHashMap<>();
        keys.forEach(k -> byWorkspace.computeIfAbsent(k.path("workspace_id").asText(), ws -> new ArrayList<>())
                .add(k.path("id").asText()));
        List<Uni<KeySpends>> spends = byWorkspace.entrySet().stream()
                .map(e -> calls.relay(guardrails.keysSpend(auth, e.getKey(), e.getValue()))).toList();
        return Uni.join().all(spends).andFailFast().map(answers -> {
            Map<String, KeySpend> spend = new HashMap<>();
            answers.forEach(a -> a.data().forEach(s -> spend.put(s.keyId(), s)));
            return keys.stream().map(k -> {
                KeySpend s = spend.get(k.path("id").asText());
                return s == null ? KeyView.unspent(k) : KeyView.of(k, s);
            }).toList();
        });
    }

    /** The key among the organization's workspaces; 404 when none of them holds it. */
    private Uni<JsonNode> find(String auth, String org, String keyId) {
        return calls.workspaceIds(auth, org, null).flatMap(ids -> ManagementCalls.firstFound(ids,
                ws -> calls.relay(workspaces.key(auth, ws, keyId)), "Key " + keyId + " not found"));
    }

    private Uni<List<JsonNode>> keysOf(String auth, List<String> workspaceIds, int i, List<JsonNode> rows) {
        if (i >= workspaceIds.size()) {
            return Uni.createFrom().item(rows);
        }
        String ws = workspaceIds.get(i);
        return calls.all(cursor -> workspaces.keys(auth, ws, ManagementCalls.SERVICE_PAGE, cursor)).flatMap(keys -> {
            rows.addAll(keys);
            return keysOf(auth, workspaceIds, i + 1, rows);
        });
    }

    /**
     * OpenRouter's key: workspace-service's key with guardrail-service's spend of it (usage in total and per
     * window, the part of it made with the workspace's own provider keys as {@code byok_usage*}, and what the
     * limit leaves). As at OpenRouter, {@code usage*} include the BYOK part.
     */
    record KeyView(String hash, String name, String label, boolean disabled, BigDecimal limit,
            BigDecimal limitRemaining, String limitReset, boolean includeByokInLimit, BigDecimal usage,
            BigDecimal usageDaily, BigDecimal usageWeekly, BigDecimal usageMonthly, BigDecimal byokUsage,
            BigDecimal byokUsageDaily, BigDecimal byokUsageWeekly, BigDecimal byokUsageMonthly, String createdAt,
            String updatedAt, String expiresAt, String creatorUserId, String externalUser, String workspaceId) {

        /** A key just issued: nothing spent, its whole limit left. */
        static KeyView unspent(JsonNode k) {
            return of(k, KeySpend.unspent(k.path("id").asText(), decimal(k.path("limit")), null));
        }

        /** {@code spend}: guardrail's answer for the key. */
        static KeyView of(JsonNode k, KeySpend s) {
            return new KeyView(k.path("id").asText(), k.path("name").asText(),
                    k.path("prefix").asText() + "..." + k.path("last4").asText(), k.path("disabled").asBoolean(),
                    decimal(k.path("limit")), s.limitRemaining(), OpenRouterBodies.text(k, "limit_reset"),
                    k.path("include_byok_in_limit").asBoolean(), s.usage(), s.usageDaily(), s.usageWeekly(),
                    s.usageMonthly(), s.byokUsage(), s.byokUsageDaily(), s.byokUsageWeekly(), s.byokUsageMonthly(),
                    k.path("created_at").asText(), null, OpenRouterBodies.text(k, "expires_at"),
                    OpenRouterBodies.text(k, "owner_user_id"), null, k.path("workspace_id").asText());
        }

        private static BigDecimal decimal(JsonNode number) {
            return number.isNumber() ? number.decimalValue() : null;
        }
    }
}
