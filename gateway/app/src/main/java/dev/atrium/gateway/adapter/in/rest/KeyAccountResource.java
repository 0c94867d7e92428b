package dev.atrium.gateway.adapter.in.rest;

import dev.atrium.billing.api.GenerationView;
import dev.atrium.gateway.application.port.in.ReadKeyAccountQuery;
import dev.atrium.guardrail.api.KeySpend;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** What an API key may read about itself, in OpenRouter's shapes. */
@Path("/api/v1")
class KeyAccountResource {

    private final ReadKeyAccountQuery accounts;

    KeyAccountResource(ReadKeyAccountQuery accounts) {
        this.accounts = accounts;
    }

    @GET
    @Path("/key")
    public Uni<Map<String, KeyView>> key(@HeaderParam("Authorization") String authorization) {
        return accounts.key(ApiKeyHeader.read(authorization)).map(account -> {
            KeySpend s = account.spend();
            return Map.of("data", new KeyView(account.key().keyName(), s.limit(), s.limitRemaining(), s.limitReset(),
                    s.usage(), s.usageDaily(), s.usageWeekly(), s.usageMonthly(), account.key().workspaceId(),
                    account.key().keyId()));
        });
    }

    @GET
    @Path("/generation")
    public Uni<Map<String, GenerationBody>> generation(@HeaderParam("Authorization") String authorization,
            @QueryParam("id") String id) {
        return accounts.generation(ApiKeyHeader.read(authorization), id)
                .map(g -> Map.of("data", GenerationBody.of(g)));
    }

    record KeyView(String label, BigDecimal limit, BigDecimal limitRemaining, String limitReset, BigDecimal usage,
            BigDecimal usageDaily, BigDecimal usageWeekly, BigDecimal usageMonthly, String workspaceId, String keyId) {
    }

    /** {@code byok_fee}: what the organization's credits paid instead of {@code total_cost} for a BYOK generation. */
    record GenerationBody(String id, String model, String providerName, long tokensPrompt, long tokensCompletion,
            BigDecimal totalCost, boolean isByok, BigDecimal byokFee, long latency, String workspaceId, String keyId,
            String policyRevision, Instant createdAt) {
        static GenerationBody of(GenerationView g) {
            return new GenerationBody(g.id(), g.model(), g.providerName(), g.tokensPrompt(), g.tokensCompletion(),
                    g.totalCost(), g.byok(), g.byokFee(), g.latency(), g.workspaceId(), g.keyId(),
                    g.policyRevision(), g.createdAt());
        }
    }
}
