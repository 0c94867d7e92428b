package dev.atrium.routing.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateFilterTest {

    private static final DataPolicy OPEN = new DataPolicy(false, true, true);
    private static final DataPolicy RETAINS = new DataPolicy(false, true, false);
    private static final DataPolicy ZDR = new DataPolicy(true, false, false);

    private final Candidate openaiMini = candidate("openai/gpt-4o-mini", "openai", "0.15", "0.60", RETAINS);
    private final Candidate cheapMini = candidate("openai/gpt-4o-mini", "sim-cheap", "0.075", "0.30", OPEN);
    private final Candidate groqLlama = candidate("meta-llama/llama-3.1-8b-instruct", "groq", "0.05", "0.08", ZDR);
    private final Candidate sonnet = candidate("anthropic/claude-sonnet-4", "anthropic", "3", "15", RETAINS);
    private final List<Candidate> plan = List.of(openaiMini, cheapMini, groqLlama, sonnet);

    @Test
    void noConstraintsKeepEveryCandidateInOrder() {
        assertThat(CandidateFilter.apply(plan, RouteConstraints.none())).containsExactlyElementsOf(plan);
    }

    @Test
    void allowedModelPatternsKeepOnlyMatchingModels() {
        var k = constraints(List.of("openai/*", "meta-llama/llama-3.1-8b-instruct"), List.of(), List.of(), List.of());

        assertThat(CandidateFilter.apply(plan, k)).containsExactly(openaiMini, cheapMini, groqLlama);
    }

    @Test
    void ignoredModelsAreDropped() {
        var k = constraints(List.of(), List.of("anthropic/*"), List.of(), List.of());

        assertThat(CandidateFilter.apply(plan, k)).containsExactly(openaiMini, cheapMini, groqLlama);
    }

    @Test
    void allowedAndIgnoredProvidersApplyTogether() {
        var k = constraints(List.of(), List.of(), List.of("openai", "sim-*", "groq"), List.of("sim-cheap"));

        assertThat(CandidateFilter.apply(plan, k)).containsExactly(openaiMini, groqLlama);
    }

    @Test
    void zdrRequiredKeepsOnlyZeroRetentionProviders() {
        var k = new RouteConstraints(List.of(), List.of(), List.of(), List.of(), true, false, null, null);

        assertThat(CandidateFilter.apply(plan, k)).containsExactly(groqLlama);
    }

    @Test
    void denyingDataCollectionDropsProvidersThatRetainOrTrain() {
        var k = new RouteConstraints(List.of(), List.of(), List.of(), List.of(), false, true, null, null);

        assertThat(CandidateFilter.apply(plan, k)).containsExactly(groqLlama);
    }

    @Test
    void maxPricesAreInclusivePerTokenLimits() {
        var k = new RouteConstraints(List.of(), List.of(), List.of(), List.of(), false, false,
                new BigDecimal("0.00000015"), new BigDecimal("0.0000006"));

        assertThat(CandidateFilter.apply(plan, k)).containsExactly(openaiMini, cheapMini, groqLlama);
    }

    @Test
    void maxCompletionPriceAloneDropsDearerCompletions() {
        var k = new RouteConstraints(List.of(), List.of(), List.of(), List.of(), false, false,
                null, new BigDecimal("0.0000003"));

        assertThat(CandidateFilter.apply(plan, k)).containsExactly(cheapMini, groqLlama);
    }

    @Test
    void allowedDataRegionsDropEndpointsOutsideThemAndNameTheField() {
        Candidate euMini = inRegion(openaiMini, DataRegions.EUROPE);
        Candidate usMini = inRegion(cheapMini, DataRegions.US);
        var k = new RouteConstraints(List.of(), List.of(), List.of(), List.of(), false, false, null, null,
                List.of("europe"));

        assertThat(CandidateFilter.apply(List.of(usMini, euMini, groqLlama), k)).containsExactly(euMini);
        assertThat(CandidateFilter.excludedBy(k, usMini)).contains("allowed_data_regions");
        assertThat(CandidateFilter.excludedBy(k, groqLlama)).contains("allowed_data_regions");
    }

    @Test
    void anEndpointWithoutAStatedRegionIsGlobal() {
        var k = new RouteConstraints(List.of(), List.of(), List.of(), List.of(), false, false, null, null,
                List.of("global"));

        assertThat(openaiMini.dataRegion()).isEqualTo("global");
        assertThat(CandidateFilter.apply(List.of(openaiMini, inRegion(cheapMini, DataRegions.US)), k))
                .containsExactly(openaiMini);
    }

    private static Candidate inRegion(Candidate c, String region) {
        return new Candidate(c.model(), c.provider(), c.upstreamModel(), c.baseUrl(), c.protocol(), c.price(),
                c.dataPolicy(), c.quantization(), c.contextLength(), c.maxCompletionTokens(), c.byok(), region);
    }

    private static RouteConstraints constraints(List<String> allowedModels, List<String> ignoredModels,
            List<String> allowedProviders, List<String> ignoredProviders) {
        return new RouteConstraints(allowedModels, ignoredModels, allowedProviders, ignoredProviders, false, false,
                null, null);
    }

    private static Candidate candidate(String model, String provider, String promptPerMillion,
            String completionPerMillion, DataPolicy policy) {
        return new Candidate(model, provider, model, "https://example.invalid/" + provider, "openai",
                Price.perMillion(new BigDecimal(promptPerMillion), new BigDecimal(completionPerMillion)), policy,
                "unknown", 128_000, 16_384);
    }
}
