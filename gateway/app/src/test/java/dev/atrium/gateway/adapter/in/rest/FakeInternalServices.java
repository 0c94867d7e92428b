package dev.atrium.gateway.adapter.in.rest;

import dev.atrium.billing.api.GenerationView;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.out.AccountReader;
import dev.atrium.gateway.application.port.out.CatalogReader;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import dev.atrium.local.simulator.ProviderSimulator;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.Price;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stands in for workspace, guardrail and routing in this module's tests; the upstream is the
 * real provider simulator and usage goes to the real Kafka broker.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeInternalServices implements KeyResolver, GuardrailChecker, RoutePlanner, AccountReader, CatalogReader {

    public static final String KEY = "sk-at-v1-test-key";
    public static final KeyContext CONTEXT = new KeyContext("key_t", "test", "user-t", null, null, false, "ws_t",
            "default", "org_t", null, null, 1);
    static final Price PRICE = new Price(new BigDecimal("0.00000015"), new BigDecimal("0.0000006"));
    static final ProviderSimulator SIMULATOR = ProviderSimulator.start("127.0.0.1", 0);

    @Override
    public Uni<Optional<KeyContext>> resolve(String apiKey) {
        return Uni.createFrom().item(KEY.equals(apiKey) ? Optional.of(CONTEXT) : Optional.empty());
    }

    /** What workspace events told this gateway to forget, for the listener's test. */
    public static final java.util.Queue<String> FORGOTTEN = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public void forgetKey(String keyId) {
        FORGOTTEN.add("key:" + keyId);
    }

    @Override
    public void forgetWorkspace(String workspaceId) {
        FORGOTTEN.add("workspace:" + workspaceId);
    }

    @Override
    public Uni<ModerationResult> moderate(ModerationRequest request) {
        return Uni.createFrom().item(new ModerationResult(true, 200, null, List.of(), List.of()));
    }

    @Override
    public Uni<CheckResult> check(CheckRequest request) {
        if (request.models().stream().anyMatch(m -> m.startsWith("anthropic/"))) {
            return Uni.createFrom().item(CheckResult.deny(403,
                    "Model anthropic/claude-3.5-haiku is not allowed by the organization's allowed_models", "org:1"));
        }
        return Uni.createFrom().item(new CheckResult(true, 200, null,
                new Constraints(List.of("openai/*"), List.of(), List.of(), List.of(), false, false, null), null,
                "org:1,ws:0"));
    }

    @Override
    public Uni<Void> release(String reservationId) {
        return Uni.createFrom().voidItem();
    }

    /** Planned on the simulator's Anthropic protocol; named under openai/ so that the guardrail above allows it. */
    static final String OVER_ANTHROPIC = "openai/served-over-anthropic";

    @Override
    public Uni<RoutePlan> plan(PlanRequest request) {
        if (OVER_ANTHROPIC.equals(request.model())) {
            return Uni.createFrom().item(new RoutePlan(List.of(new Candidate(OVER_ANTHROPIC, "sim-anthropic",
                    "claude-sim", SIMULATOR.baseUrl() + "/p/sim-anthropic", "anthropic", PRICE,
                    new DataPolicy(false, false, false), null, 200000, 8192))));
        }
        return Uni.createFrom().item(new RoutePlan(List.of(candidate("sim-flaky"), candidate("openai"))));
    }

    @Override
    public Uni<List<ObjectNode>> models() {
        return Uni.createFrom().item(List.of(model("openai/gpt-4o-mini"), model("anthropic/claude-3.5-haiku"),
                model("openai/gpt-4o")));
    }

    private static ObjectNode model(String id) {
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("id", id).put("name", id).put("context_length", 128000);
        m.putObject("pricing").put("prompt", "0.00000015").put("completion", "0.0000006");
        return m;
    }

    @Override
    public Uni<KeySpend> spend(String keyId) {
        return Uni.createFrom().item(new KeySpend(keyId, new BigDecimal("1.25"), new BigDecimal("0.25"),
                new BigDecimal("0.75"), new BigDecimal("1.25"), new BigDecimal("5"), new BigDecimal("3.75"), "monthly"));
    }

    @Override
    public Uni<Optional<GenerationView>> generation(String generationId) {
        String workspace = generationId.equals("gen-other-workspace") ? "ws_other" : CONTEXT.workspaceId();
        return Uni.createFrom().item(generationId.startsWith("gen-") ? Optional.of(new GenerationView(generationId,
                CONTEXT.organizationId(), "openai/gpt-4o-mini", "openai", 12, 34, new BigDecimal("0.0000222"), 420,
                workspace, CONTEXT.keyId(), "org:1,ws:0", Instant.parse("2026-11-26T12:00:00Z"),
                generationId.startsWith("gen-byok"), generationId.startsWith("gen-byok") ? new BigDecimal("0.00000111")
                        : null)) : Optional.empty());
    }

    static Candidate candidate(String provider) {
        return new Candidate("openai/gpt-4o-mini", provider, "gpt-4o-mini", SIMULATOR.baseUrl() + "/p/" + provider,
                "openai", PRICE, new DataPolicy(false, false, false), null, 128000, 16384);
    }
}
