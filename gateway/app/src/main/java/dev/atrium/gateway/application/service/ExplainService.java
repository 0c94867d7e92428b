package dev.atrium.gateway.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase;
import dev.atrium.gateway.application.port.in.ExplainUseCase;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.gateway.domain.ChatRequest;
import dev.atrium.gateway.domain.PromptEstimate;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.CandidateFilter;
import dev.atrium.routing.api.PlanRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ExplainService implements ExplainUseCase {

    private final KeyResolver keys;
    private final GuardrailChecker guardrail;
    private final RoutePlanner routing;

    public ExplainService(KeyResolver keys, GuardrailChecker guardrail, RoutePlanner routing) {
        this.keys = keys;
        this.guardrail = guardrail;
        this.routing = routing;
    }

    @Override
    public Uni<Explanation> explain(CompleteChatUseCase.CompleteChatCommand command) {
        return keys.resolve(command.apiKey())
                .map(found -> found.orElseThrow(() -> ApiException.unauthorized("Invalid API key")))
                .chain(key -> {
                    ChatRequest request = command.request().withDefaultModel(key.defaultTextModel());
                    List<String> models = request.requestedModels();
                    if (models.isEmpty()) {
                        throw ApiException.badRequest("model", "model is required");
                    }
                    CheckRequest check = new CheckRequest(key.organizationId(), key.workspaceId(), key.keyId(),
                            key.ownerUserId(), models, PromptEstimate.tokens(request.promptCharacters()),
                            request.maxTokens());
                    PlanRequest plan = new PlanRequest(key.workspaceId(), request.model(), request.fallbackModels(),
                            ChatCompletionService.ProviderPreferencesReader.read(command.body(),
                                    key.defaultProviderSort()));
                    return Uni.combine().all().unis(guardrail.check(check), routing.plan(plan)).asTuple()
                            // Nothing will be generated: free whatever the check reserved.
                            .call(both -> guardrail.release(both.getItem1().reservationId()))
                            .map(both -> {
                                CheckResult verdict = both.getItem1();
                                List<Candidate> candidates = both.getItem2().candidates();
                                List<Candidate> allowed = verdict.allowed() ? CandidateFilter.apply(candidates,
                                        ChatCompletionService.toRouteConstraints(verdict.constraints())) : List.of();
                                return new Explanation(key, models, verdict, candidates, allowed);
                            });
                });
    }
}
