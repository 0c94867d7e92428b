package dev.atrium.gateway.adapter.in.rest;

import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.GenerationView;
import dev.atrium.billing.api.WorkspaceActivity;
import java.time.LocalDate;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.out.AccountReader;
import dev.atrium.gateway.application.port.out.CatalogReader;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.KeySpendReader;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import dev.atrium.guardrail.api.KeyDataRegions;
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
public class FakeInternalServices implements KeyResolver, GuardrailChecker, RoutePlanner, AccountReader, KeySpendReader,
        CatalogReader {

    public static final String KEY = "sk-at-v1-test-key";
    public static final KeyContext CONTEXT = new KeyContext("key_t", "test", "user-t", null, null, false, "ws_t",
            "default", "org_t", null, null, 1);
    /** A key of the same workspace that also ran requests on the workspace's own provider keys (BYOK). */
    public static final String BYOK_KEY = "sk-at-v1-test-byok-key";
    public static final KeyContext BYOK_CONTEXT = new KeyContext("key_byok", "byok", "user-t", null, null, true,
            "ws_t", "default", "org_t", null, null, 1);
    static final Price PRICE = new Price(new BigDecimal("0.00000015"), new BigDecimal("0.0000006"));
    static final ProviderSimulator SIMULATOR = ProviderSimulator.start("127.0.0.1", 0);

    @Override
    public Uni<Optional<KeyContext>> resolve(String apiKey) {
        return Uni.createFrom().item(KEY.equals(apiKey) ? Optional.of(CONTEXT)
                : BYOK_KEY.equals(apiKey) ? Optional.of(BYOK_CONTEXT) : Optional.empty());
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

    @Override
    public Uni<Integer> releasePreviousLives() {
        return Uni.createFrom().item(0);
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
        ObjectNode unserved = JsonNodeFactory.instance.objectNode().put("id", "openai/unserved").put("name", "No one")
                .put("context_length", 8000).putNull("pricing");
        return Uni.createFrom().item(List.of(model("openai/gpt-4o-mini"), model("anthropic/claude-3.5-haiku"),
                model("openai/gpt-4o"), unserved));
    }

    private static ObjectNode model(String id) {
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("id", id).put("name", id).put("context_length", 128000);
        m.putObject("pricing").put("prompt", "0.00000015").put("completion", "0.0000006");
        m.putArray("supported_parameters").add("max_tokens").add("tools").add("tool_choice");
        ObjectNode architecture = m.putObject("architecture");
        architecture.putArray("input_modalities").add("text").add("image");
        architecture.putArray("output_modalities").add("text");
        return m;
    }

    /** The catalogue as routing answers it: openai/gpt-4o-mini served by two providers, one with live statistics. */
    @Override
    public Uni<Optional<ObjectNode>> endpoints(String modelId) {
        if (!modelId.startsWith("openai/") && !modelId.startsWith("anthropic/")) {
            return Uni.createFrom().item(Optional.empty());
        }
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("id", modelId).put("name", "Model " + modelId)
                .put("context_length", 128000);
        m.putObject("architecture").putArray("input_modalities").add("text");
        ((ObjectNode) m.get("architecture")).putArray("output_modalities").add("text");
        var endpoints = m.putArray("endpoints");
        ObjectNode quiet = endpoints.addObject().put("name", "OpenAI | " + modelId).put("provider_name", "OpenAI")
                .put("tag", "openai").put("context_length", 128000).put("quantization", "unknown")
                .put("max_completion_tokens", 16384).put("status", 0);
        quiet.putObject("pricing").put("prompt", "0.00000015").put("completion", "0.0000006");
        quiet.putArray("supported_parameters").add("max_tokens").add("tool_choice");
        quiet.putNull("uptime_last_30m").putNull("latency_last_30m").putNull("throughput_last_30m");
        ObjectNode busy = endpoints.addObject().put("name", "Sim Fast | " + modelId).put("provider_name", "Sim Fast")
                .put("tag", "sim-fast").put("context_length", 64000).put("quantization", "fp8").put("status", -1)
                .put("uptime_last_30m", 97.5);
        busy.putNull("max_completion_tokens");
        busy.putObject("pricing").put("prompt", "0.0000001").put("completion", "0.0000004");
        busy.putArray("supported_parameters").add("max_tokens");
        busy.putObject("latency_last_30m").put("p50", 120.0).put("p90", 300.0);
        busy.putObject("throughput_last_30m").put("p50", 80.0);
        return Uni.createFrom().item(Optional.of(m));
    }

    @Override
    public Uni<List<ObjectNode>> providers() {
        ObjectNode openai = JsonNodeFactory.instance.objectNode().put("id", "openai").put("name", "OpenAI")
                .put("region", "us").put("data_region", "us");
        openai.putObject("data_policy").put("zdr", false).put("retains_prompts", true).put("trains_on_data", false);
        ObjectNode sim = JsonNodeFactory.instance.objectNode().put("id", "sim-fast").put("name", "Sim Fast")
                .putNull("region");
        sim.putObject("data_policy").put("zdr", true).put("retains_prompts", false).put("trains_on_data", false);
        return Uni.createFrom().item(List.of(openai, sim));
    }

    @Override
    public Uni<CreditTotals> credits(String organizationId) {
        return Uni.createFrom().item(new CreditTotals(organizationId, new BigDecimal("100"), new BigDecimal("2.5"),
                new BigDecimal("97.5")));
    }

    /** What billing was last asked for activity: organization, workspace, from, to. */
    public static volatile List<Object> lastActivityAsked = List.of();

    @Override
    public Uni<WorkspaceActivity> activity(String organizationId, String workspaceId, LocalDate from, LocalDate to) {
        lastActivityAsked = List.of(organizationId, workspaceId, from, to);
        return Uni.createFrom().item(new WorkspaceActivity(organizationId, workspaceId, from, to, List.of(
                new WorkspaceActivity.Row(from, "openai/gpt-4o-mini", "openai", 3, 300, 30,
                        new BigDecimal("0.003"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.003")),
                new WorkspaceActivity.Row(from, "openai/gpt-4o-mini", "sim-fast", 1, 100, 10,
                        new BigDecimal("0.004"), new BigDecimal("0.004"), new BigDecimal("0.0002"),
                        new BigDecimal("0.0002")))));
    }

    /** Guardrail's count: the test key spent nothing through BYOK; the BYOK key, part of its spend, in each window. */
    @Override
    public Uni<KeySpend> spend(String keyId) {
        if (BYOK_CONTEXT.keyId().equals(keyId)) {
            return Uni.createFrom().item(new KeySpend(keyId, new BigDecimal("2"), new BigDecimal("0.5"),
                    new BigDecimal("1.5"), new BigDecimal("2"), new BigDecimal("0.8"), new BigDecimal("0.3"),
                    new BigDecimal("0.6"), new BigDecimal("0.7"), null, null, null));
        }
        BigDecimal none = BigDecimal.ZERO;
        return Uni.createFrom().item(new KeySpend(keyId, new BigDecimal("1.25"), new BigDecimal("0.25"),
                new BigDecimal("0.75"), new BigDecimal("1.25"), none, none, none, none, new BigDecimal("5"),
                new BigDecimal("3.75"), "monthly"));
    }

    /** The BYOK key's policy keeps it in europe; the test key's restricts no region. */
    @Override
    public Uni<KeyDataRegions> dataRegions(KeyContext key) {
        return Uni.createFrom().item(new KeyDataRegions(key.keyId(), BYOK_CONTEXT.keyId().equals(key.keyId())
                ? List.of("europe") : List.of("global", "europe", "us")));
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
