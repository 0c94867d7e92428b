package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.Errors;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.gateway.application.port.out.WorkspaceSettingsReader;
import dev.atrium.gateway.domain.ChatRequest;
import dev.atrium.gateway.domain.Plugins;
import dev.atrium.gateway.domain.PromptEstimate;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import dev.atrium.routing.api.ByokProvider;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.CandidateFilter;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.api.RouteConstraints;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.PresetDefinition;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Steps 1 to 3 of DESIGN.md's request path, shared by chat completions and explain: resolve the key,
 * apply the preset, check and plan in parallel, keep the candidates the guardrail allows. A plan routing
 * marked reusable answers identical plan requests for the time it gave, without the hop ({@link KeptPlans}).
 * Every request is checked when it arrives: nothing is admitted ahead of a request (docs/adr/0009-no-admissions-ahead.md).
 */
@ApplicationScoped
public class Admission {

    /** Fields of a chat body that are not model parameters, for {@code provider.require_parameters}. */
    private static final Set<String> NOT_PARAMETERS = Set.of("model", "models", "messages", "stream",
            "stream_options", "provider", "plugins", "preset", "user", "route", "transforms", "usage");

    private final KeyResolver keys;
    private final GuardrailChecker guardrail;
    private final RoutePlanner routing;
    private final WorkspaceSettingsReader settings;
    private final KeptPlans plans;

    @Inject
    public Admission(KeyResolver keys, GuardrailChecker guardrail, RoutePlanner routing,
            WorkspaceSettingsReader settings) {
        this(keys, guardrail, routing, settings, System::nanoTime);
    }

    Admission(KeyResolver keys, GuardrailChecker guardrail, RoutePlanner routing, WorkspaceSettingsReader settings,
            LongSupplier nanoTime) {
        this.keys = keys;
        this.guardrail = guardrail;
        this.routing = routing;
        this.settings = settings;
        this.plans = new KeptPlans(nanoTime);
    }

    /** An attempt at {@code provider} failed: plans naming it are asked of routing again rather than reused. */
    public void providerFailed(String provider) {
        plans.forgetNaming(provider);
    }

    /** The request as it will be served: the key's context, the preset applied, the plugins that run. */
    public record Prepared(KeyContext key, ObjectNode body, ChatRequest request, PresetDefinition preset,
            Set<String> plugins) {
    }

    /** Allowed: the guardrail's verdict and the candidates left after its constraints, in plan order. */
    public record Admitted(Prepared prepared, CheckResult verdict, List<Candidate> candidates) {

        public KeyContext key() {
            return prepared.key();
        }

        public ChatRequest request() {
            return prepared.request();
        }

        public ObjectNode body() {
            return prepared.body();
        }

        public Set<String> plugins() {
            return prepared.plugins();
        }
    }

    /** Both answers, whatever they say, for explain; {@code asked} is the check they answer. */
    public record Assessment(Prepared prepared, CheckRequest asked, CheckResult verdict, RoutePlan plan,
            List<Candidate> allowed) {
    }

    public Uni<Prepared> prepare(CompleteChatCommand command) {
        return keys.resolve(command.apiKey())
                .map(found -> found.orElseThrow(() -> ApiException.unauthorized("Invalid API key")))
                .chain(key -> {
                    Optional<String> reference = Presets.reference(command.body(), key.presets());
                    if (reference.isEmpty()) {
                        return Uni.createFrom().item(prepared(key, command, null));
                    }
                    return settings.preset(key.workspaceId(), reference.get()).map(found -> {
                        PresetDefinition preset = found.orElseThrow(() -> ApiException.badRequest("preset",
                                "Preset " + reference.get() + " no longer exists in this workspace"));
                        return prepared(key, command.withBody(Presets.apply(command.body(), preset)), preset);
                    });
                });
    }

    private static Prepared prepared(KeyContext key, CompleteChatCommand command, PresetDefinition preset) {
        ChatRequest withModel = command.request().withDefaultModel(key.defaultTextModel());
        if (withModel.requestedModels().isEmpty()) {
            throw ApiException.badRequest("model", "model is required");
        }
        return new Prepared(key, command.body(), withModel, preset, activePlugins(key, withModel));
    }

    /** Check and plan in parallel; fails with the guardrail's status, or 503 naming why no candidate is left. */
    public Uni<Admitted> admit(Prepared prepared) {
        return assess(prepared).map(assessment -> {
            CheckResult verdict = assessment.verdict();
            if (!verdict.allowed()) {
                Map<String, Object> metadata = new HashMap<>();
                metadata.put("policy_revision", String.valueOf(verdict.policyRevision()));
                if (verdict.retryAfterSeconds() != null) {
                    metadata.put(Errors.RETRY_AFTER_SECONDS, verdict.retryAfterSeconds());
                }
                throw new ApiException(verdict.status(), verdict.message(), metadata);
            }
            if (assessment.allowed().isEmpty()) {
                guardrail.release(verdict.reservationId()).subscribe().with(ignored -> { }, e -> { });
                throw NoProvider.error(prepared.request().requestedModels(), assessment);
            }
            return new Admitted(prepared, verdict, assessment.allowed());
        });
    }

    /** Check and plan in parallel, whatever they say. */
    public Uni<Assessment> assess(Prepared prepared) {
        return assess(prepared, guardrail::check);
    }

    /** As {@link #assess}, with the check as a dry run: nothing counted, held or written, no reservation (explain). */
    public Uni<Assessment> assessDryRun(Prepared prepared) {
        return assess(prepared, check -> guardrail.check(check.asDryRun()));
    }

    private Uni<Assessment> assess(Prepared prepared, Function<CheckRequest, Uni<CheckResult>> checker) {
        KeyContext key = prepared.key();
        ChatRequest request = prepared.request();
        MessageText text = MessageText.of(prepared.body());
        CheckRequest check = new CheckRequest(key.organizationId(), key.workspaceId(), key.keyId(),
                key.ownerUserId(), request.requestedModels(), PromptEstimate.tokens(request.promptCharacters()),
                request.maxTokens(), text.text(), request.choices());
        PlanRequest plan = new PlanRequest(key.workspaceId(), request.model(), request.fallbackModels(),
                withDefaultSort(request.provider(), key.defaultProviderSort()),
                parameters(prepared.body()), byok(key));
        return Uni.combine().all().unis(checker.apply(check), plans.plan(plan, routing)).asTuple().map(both -> {
            CheckResult verdict = both.getItem1();
            if (verdict.allowed()) {
                // The guardrail's redact filters: the provider sees the replacement, never the match.
                text.redact(prepared.body(), verdict.redactions());
            }
            List<Candidate> allowed = verdict.allowed()
                    ? CandidateFilter.apply(both.getItem2().candidates(), toRouteConstraints(verdict.constraints()))
                    : List.of();
            return new Assessment(prepared, check, verdict, both.getItem2(), allowed);
        });
    }

    static RouteConstraints toRouteConstraints(Constraints k) {
        if (k == null) {
            return RouteConstraints.none();
        }
        return new RouteConstraints(orEmpty(k.allowedModels()), orEmpty(k.ignoredModels()),
                orEmpty(k.allowedProviders()), orEmpty(k.ignoredProviders()), k.zdrRequired(),
                k.denyDataCollection(), null, null, k.allowedDataRegions());
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> parameters(ObjectNode body) {
        List<String> used = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!NOT_PARAMETERS.contains(name) && !body.get(name).isNull()) {
                used.add(name);
            }
        });
        return used;
    }

    /** The workspace's default sort, for a request that sets none. */
    private static ProviderPreferences withDefaultSort(ProviderPreferences p, String defaultSort) {
        return p.sort() != null ? p : new ProviderPreferences(p.order(), p.only(), p.ignore(), p.allowFallbacks(),
                defaultSort, p.dataCollection(), p.zdr(), p.quantizations(), p.maxPrice(), p.requireParameters());
    }

    private static List<ByokProvider> byok(KeyContext key) {
        return key.byokProviders().stream()
                .map(p -> new ByokProvider(p.provider(), p.isFallback(), p.allowedModels())).toList();
    }

    private static Set<String> activePlugins(KeyContext key, ChatRequest request) {
        Set<String> active;
        try {
            active = Plugins.active(key.plugins().stream()
                    .map(p -> new Plugins.Setting(p.id(), p.enabled(), p.locked())).toList(), request.plugins());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("plugins", e.getMessage());
        }
        if (active.contains(Plugins.WEB)) {
            throw new ApiException(400, "Plugin web is unavailable: no search provider is configured",
                    Map.of("field", "plugins", "plugin", Plugins.WEB));
        }
        return active;
    }
}
