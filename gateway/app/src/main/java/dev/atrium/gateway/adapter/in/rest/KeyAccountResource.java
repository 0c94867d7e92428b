package dev.atrium.gateway.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.GenerationView;
import dev.atrium.billing.api.WorkspaceActivity;
import dev.atrium.gateway.adapter.in.rest.management.OrganizationReports;
import dev.atrium.gateway.application.port.in.ReadKeyAccountQuery;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an API key may read about itself and its workspace, in OpenRouter's shapes (the schemas of
 * {@code @openrouter/sdk}). Every field those schemas require is written; where Atrium keeps no value
 * the field holds what the schema allows for "none" (null, 0, false, empty). Atrium's own fields
 * ({@code key_id}, {@code byok_fee}, {@code policy_revision}, ...) stay beside them.
 */
@Path("/api/v1")
class KeyAccountResource {

    private static final String ORG_HEADER = "X-Atrium-Organization";

    private final ReadKeyAccountQuery accounts;
    private final OrganizationReports organizations;

    KeyAccountResource(ReadKeyAccountQuery accounts, OrganizationReports organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @GET
    @Path("/key")
    public Uni<Map<String, KeyView>> key(@HeaderParam("Authorization") String authorization) {
        return accounts.key(ApiKeyHeader.read(authorization))
                .map(account -> Map.of("data", KeyView.of(account.key(), account.spend(),
                        account.regions().allowedDataRegions())));
    }

    @GET
    @Path("/generation")
    public Uni<Map<String, GenerationBody>> generation(@HeaderParam("Authorization") String authorization,
            @QueryParam("id") String id) {
        return accounts.generation(ApiKeyHeader.read(authorization), id)
                .map(g -> Map.of("data", GenerationBody.of(g)));
    }

    /**
     * The organization's credits: every workspace of it draws on the same balance. An API key reads its own
     * organization's; a management key or a Keycloak token (a billing reader) the organization it acts in.
     */
    @GET
    @Path("/credits")
    public Uni<Map<String, CreditsView>> credits(@HeaderParam("Authorization") String authorization,
            @HeaderParam(ORG_HEADER) String organization) {
        String credential = ApiKeyHeader.read(authorization);
        Uni<CreditTotals> totals = ApiKeyHeader.isApiKey(credential) ? accounts.credits(credential)
                : organizations.credits(authorization, organization);
        return totals.map(c -> Map.of("data",
                new CreditsView(c.totalCredits(), c.totalUsage(), c.balance(), c.organizationId())));
    }

    /**
     * Usage by UTC day, model and provider, of {@code date} or the last 30 days: an API key's workspace's, or
     * for a management key or a Keycloak token every workspace of the organization.
     */
    @GET
    @Path("/activity")
    public Uni<Map<String, List<ActivityItem>>> activity(@HeaderParam("Authorization") String authorization,
            @HeaderParam(ORG_HEADER) String organization, @QueryParam("date") String date) {
        String credential = ApiKeyHeader.read(authorization);
        Uni<List<WorkspaceActivity>> reports = ApiKeyHeader.isApiKey(credential)
                ? accounts.activity(credential, date).map(List::of)
                : organizations.activity(authorization, organization, date);
        return reports.map(all -> Map.of("data", all.stream()
                .flatMap(a -> a.data().stream().map(r -> ActivityItem.of(a.workspaceId(), r))).toList()));
    }

    /**
     * {@code usage*}: all the key's spend, in total and in the current UTC day, week (from Monday) and month;
     * {@code byok_usage*}: the part of it made with the workspace's own provider keys, in the same windows. Both
     * as guardrail-service counts them, the same figures its key listing answers. {@code allowed_data_regions}:
     * where the key's effective guardrail policy lets its requests go (every region when none restricts them,
     * empty when the restrictions leave none), as guardrail-service merges it. {@code rate_limit} is
     * OpenRouter's deprecated field: Atrium's rate limits are guardrail policies. There is no free tier.
     */
    record KeyView(String label, BigDecimal limit, BigDecimal limitRemaining, String limitReset, BigDecimal usage,
            BigDecimal usageDaily, BigDecimal usageWeekly, BigDecimal usageMonthly, BigDecimal byokUsage,
            BigDecimal byokUsageDaily, BigDecimal byokUsageWeekly, BigDecimal byokUsageMonthly,
            boolean includeByokInLimit, boolean isFreeTier, boolean isManagementKey, boolean isProvisioningKey,
            String workspaceId, String organizationId, String creatorUserId, String keyId, Instant expiresAt,
            List<String> allowedDataRegions, FreeModelDailyRequests freeModelDailyRequests, RateLimit rateLimit) {

        static KeyView of(KeyContext key, KeySpend s, List<String> allowedDataRegions) {
            return new KeyView(key.keyName(), s.limit(), s.limitRemaining(), s.limitReset(), s.usage(),
                    s.usageDaily(), s.usageWeekly(), s.usageMonthly(), s.byokUsage(), s.byokUsageDaily(),
                    s.byokUsageWeekly(), s.byokUsageMonthly(), key.includeByokInLimit(), false, false, false,
                    key.workspaceId(), key.organizationId(), key.ownerUserId(), key.keyId(), null, allowedDataRegions,
                    new FreeModelDailyRequests(0, 0, 0), RateLimit.NONE);
        }
    }

    record FreeModelDailyRequests(int limit, int remaining, int used) {
    }

    record RateLimit(int requests, String interval, String note) {
        static final RateLimit NONE = new RateLimit(-1, "10s",
                "Deprecated in OpenRouter; Atrium's rate limits are guardrail policies");
    }

    /**
     * {@code byok_fee}: what the organization's credits paid instead of {@code total_cost} for a BYOK
     * generation; {@code usage}: what the credits were charged (the cost, or that fee).
     */
    record GenerationBody(String id, String model, String providerName, long tokensPrompt, long tokensCompletion,
            BigDecimal totalCost, BigDecimal usage, boolean isByok, BigDecimal byokFee, long latency,
            String workspaceId, String keyId, String policyRevision, Instant createdAt, String apiType,
            String dataRegion, String origin) {

        /** What OpenRouter records of a generation and Atrium does not: null, as the schema allows. */
        private static final Map<String, Object> NOT_RECORDED;

        static {
            Map<String, Object> none = new java.util.LinkedHashMap<>();
            for (String field : List.of("app_id", "cache_discount", "cancelled", "external_user", "finish_reason",
                    "generation_time", "http_referer", "moderation_latency", "native_finish_reason",
                    "native_tokens_cached", "native_tokens_completion", "native_tokens_completion_images",
                    "native_tokens_prompt", "native_tokens_reasoning", "num_fetches", "num_input_audio_prompt",
                    "num_media_completion", "num_media_prompt", "num_search_results", "preset_id",
                    "provider_responses", "router", "service_tier", "streamed", "upstream_id",
                    "upstream_inference_cost", "user_agent", "web_search_engine")) {
                none.put(field, null);
            }
            NOT_RECORDED = java.util.Collections.unmodifiableMap(none);
        }

        static GenerationBody of(GenerationView g) {
            BigDecimal charged = g.byok() && g.byokFee() != null ? g.byokFee() : g.totalCost();
            return new GenerationBody(g.id(), g.model(), g.providerName(), g.tokensPrompt(), g.tokensCompletion(),
                    g.totalCost(), charged, g.byok(), g.byokFee(), g.latency(), g.workspaceId(), g.keyId(),
                    g.policyRevision(), g.createdAt(), "completions", "global", "");
        }

        @JsonAnyGetter
        public Map<String, Object> notRecorded() {
            return NOT_RECORDED;
        }
    }

    /** {@code balance}: Atrium's addition, {@code total_credits - total_usage}. */
    record CreditsView(BigDecimal totalCredits, BigDecimal totalUsage, BigDecimal balance, String organizationId) {
    }

    /**
     * {@code usage}: what the organization's credits were charged; {@code byok_usage_inference}: what
     * the workspace's own provider keys paid upstream. {@code endpoint_id} is {@code provider:model}.
     */
    record ActivityItem(String date, String model, String modelPermaslug, String endpointId, String providerName,
            long requests, long promptTokens, long completionTokens, long reasoningTokens, BigDecimal usage,
            BigDecimal byokUsageInference, BigDecimal cost, BigDecimal byokFee, String workspaceId) {
        static ActivityItem of(String workspaceId, WorkspaceActivity.Row r) {
            return new ActivityItem(r.date().toString(), r.model(), r.model(), r.provider() + ":" + r.model(),
                    r.provider(), r.requests(), r.promptTokens(), r.completionTokens(), 0, r.charged(), r.byokCost(),
                    r.cost(), r.byokFee(), workspaceId);
        }
    }
}
