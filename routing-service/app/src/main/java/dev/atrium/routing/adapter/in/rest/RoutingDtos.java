package dev.atrium.routing.adapter.in.rest;

import dev.atrium.routing.api.ByokProvider;
import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.api.RouteConstraints;
import dev.atrium.routing.application.port.in.PreviewRouteUseCase.Preview;
import dev.atrium.routing.application.port.in.PreviewRouteUseCase.PreviewEntry;
import dev.atrium.routing.domain.PreferenceLayer;
import dev.atrium.routing.domain.WorkspaceRouting;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The workspace routing and preview routes' bodies and answers. */
final class RoutingDtos {

    private RoutingDtos() {
    }

    record MaxPriceView(String prompt, String completion) {
    }

    /** The provider object as stored, plus who set it when; absent fields are null (no opinion). */
    record RoutingView(String workspaceId, List<String> order, List<String> only, List<String> ignore,
            Boolean allowFallbacks, String sort, String dataCollection, Boolean zdr, List<String> quantizations,
            MaxPriceView maxPrice, Boolean requireParameters, Instant updatedAt, String updatedBy) {

        static RoutingView of(WorkspaceRouting r) {
            PreferenceLayer p = r.preferences();
            MaxPriceView max = p.maxPromptPrice() == null && p.maxCompletionPrice() == null ? null
                    : new MaxPriceView(plain(p.maxPromptPrice()), plain(p.maxCompletionPrice()));
            return new RoutingView(r.workspaceId(), p.order(), p.only(), p.ignore(), p.allowFallbacks(),
                    p.sort() == null ? null : p.sort().name().toLowerCase(Locale.ROOT),
                    p.denyDataCollection() == null ? null : p.denyDataCollection() ? "deny" : "allow", p.zdr(),
                    p.quantizations(), max, p.requireParameters(), r.updatedAt(), r.updatedBy());
        }

        private static String plain(BigDecimal value) {
            return value == null ? null : Dtos.Pricing.plain(value);
        }
    }

    /** A guardrail's constraints as the gateway would apply them; absent lists mean no restriction. */
    record ConstraintsBody(List<String> allowedModels, List<String> ignoredModels, List<String> allowedProviders,
            List<String> ignoredProviders, Boolean zdrRequired, Boolean denyDataCollection,
            BigDecimal maxPromptPrice, BigDecimal maxCompletionPrice, List<String> allowedDataRegions) {

        RouteConstraints toConstraints() {
            return new RouteConstraints(list(allowedModels), list(ignoredModels), list(allowedProviders),
                    list(ignoredProviders), Boolean.TRUE.equals(zdrRequired), Boolean.TRUE.equals(denyDataCollection),
                    maxPromptPrice, maxCompletionPrice, list(allowedDataRegions));
        }

        private static List<String> list(List<String> values) {
            return values == null ? List.of() : values;
        }
    }

    /** The plan's body ({@code model}, {@code models}, {@code provider}, {@code parameters}, {@code byok}) plus optional constraints. */
    record PreviewBody(String model, List<String> models, ProviderPreferences provider, List<String> parameters,
            List<ByokProvider> byok, ConstraintsBody constraints) {

        static final PreviewBody EMPTY = new PreviewBody(null, null, null, null, null, null);

        PlanRequest toPlanRequest(String workspaceId) {
            return new PlanRequest(workspaceId, model, models, provider, parameters, byok);
        }
    }

    record CandidateView(int rank, String model, String provider, String upstreamModel, Dtos.Pricing pricing,
            String quantization, DataPolicy dataPolicy, int contextLength, Integer maxCompletionTokens, boolean byok,
            String reason) {
    }

    record ExcludedView(String model, String provider, Dtos.Pricing pricing, String quantization,
            DataPolicy dataPolicy, String excludedBy) {
    }

    /**
     * @param candidates the plan in order, each with why it sits there
     * @param excluded   the endpoints left out, each naming the preference or constraint that removed it
     */
    record PreviewView(String workspaceId, List<CandidateView> candidates, List<ExcludedView> excluded,
            String message) {

        static PreviewView of(Preview preview) {
            List<CandidateView> kept = new ArrayList<>();
            List<ExcludedView> excluded = new ArrayList<>();
            for (PreviewEntry e : preview.entries()) {
                var c = e.candidate();
                if (e.kept()) {
                    kept.add(new CandidateView(kept.size() + 1, c.model(), c.provider(), c.upstreamModel(),
                            Dtos.Pricing.of(c.price()), c.quantization(), c.dataPolicy(), c.contextLength(),
                            c.maxCompletionTokens(), c.byok(), e.reason()));
                } else {
                    excluded.add(new ExcludedView(c.model(), c.provider(), Dtos.Pricing.of(c.price()),
                            c.quantization(), c.dataPolicy(), e.reason()));
                }
            }
            return new PreviewView(preview.workspaceId(), kept, excluded,
                    kept.isEmpty() ? "no provider meets your routing requirements" : null);
        }
    }
}
