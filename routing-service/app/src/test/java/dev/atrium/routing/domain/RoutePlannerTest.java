package dev.atrium.routing.domain;

import static dev.atrium.routing.domain.Catalogs.LLAMA;
import static dev.atrium.routing.domain.Catalogs.MINI;
import static dev.atrium.routing.domain.Catalogs.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.DataPolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoutePlannerTest {

    private final Catalog catalog = Catalogs.sample();

    @Test
    void orderPutsNamedProvidersFirstInTheirOrderThenTheRestByPrice() {
        var plan = plan(List.of(MINI), prefs(List.of("sim-fast", "azure"), List.of(), List.of(), true, null));

        assertThat(providers(plan)).containsExactly("sim-fast", "azure", "sim-cheap", "openai");
    }

    @Test
    void orderAndOnlyAcceptProviderDisplayNamesInAnyCase() {
        var ordered = plan(List.of(MINI), prefs(List.of("AZURE OPENAI"), List.of(), List.of(), true, null));
        var only = plan(List.of(MINI), prefs(List.of(), List.of("Simulator: Fast"), List.of(), true, null));

        assertThat(providers(ordered)).first().isEqualTo("azure");
        assertThat(providers(only)).containsExactly("sim-fast");
    }

    @Test
    void onlyKeepsTheNamedProviders() {
        var plan = plan(List.of(MINI), prefs(List.of(), List.of("openai", "sim-*"), List.of(), true, SortOrder.PRICE));

        assertThat(providers(plan)).containsExactly("sim-cheap", "openai", "sim-fast");
    }

    @Test
    void ignoreDropsTheNamedProviders() {
        var plan = plan(List.of(MINI), prefs(List.of(), List.of(), List.of("sim-cheap", "azure"), true, SortOrder.PRICE));

        assertThat(providers(plan)).containsExactly("openai", "sim-fast");
    }

    @Test
    void sortByPricePutsTheCheapestPromptPlusCompletionFirst() {
        var plan = plan(List.of(MINI), prefs(List.of(), List.of(), List.of(), true, SortOrder.PRICE));

        assertThat(providers(plan)).containsExactly("sim-cheap", "openai", "azure", "sim-fast");
    }

    @Test
    void floorSuffixSortsByPriceAndNamesTheModelWithoutIt() {
        var plan = RoutePlanner.plan(catalog, LiveStats.empty(), List.of(ModelRequest.parse(MINI + ":floor", "model")),
                RoutingPreferences.defaults(), new Random(1));

        assertThat(providers(plan)).containsExactly("sim-cheap", "openai", "azure", "sim-fast");
        assertThat(plan).extracting(Candidate::model).containsOnly(MINI);
    }

    @Test
    void nitroSuffixSortsByThroughputWithUnmeasuredEndpointsLastByPrice() {
        var live = LiveStats.of(List.of(stats("azure", MINI, 300.0, 90.0, 0), stats("sim-fast", MINI, 100.0, 180.0, 0)));

        var plan = RoutePlanner.plan(catalog, live, List.of(ModelRequest.parse(MINI + ":nitro", "model")),
                RoutingPreferences.defaults(), new Random(1));

        assertThat(providers(plan)).containsExactly("sim-fast", "azure", "sim-cheap", "openai");
    }

    @Test
    void sortByLatencyPutsTheFastestFirstToken() {
        var live = LiveStats.of(List.of(stats("azure", MINI, 300.0, 90.0, 0), stats("openai", MINI, 120.0, 50.0, 0)));

        var plan = RoutePlanner.plan(catalog, live, List.of(ModelRequest.parse(MINI, "model")),
                prefs(List.of(), List.of(), List.of(), true, SortOrder.LATENCY), new Random(1));

        assertThat(providers(plan)).containsExactly("openai", "azure", "sim-cheap", "sim-fast");
    }

    @Test
    void noFallbacksKeepsOnlyTheFirstCandidateOfEachModel() {
        var plan = plan(List.of(MINI, LLAMA), prefs(List.of("azure"), List.of(), List.of(), false, SortOrder.PRICE));

        assertThat(plan).extracting(c -> c.model() + "@" + c.provider()).containsExactly(MINI + "@azure", LLAMA + "@groq");
    }

    @Test
    void denyingDataCollectionDropsProvidersThatRetainOrTrain() {
        var plan = plan(List.of(MINI), new RoutingPreferences(null, null, null, true, SortOrder.PRICE, true, false));

        assertThat(providers(plan)).containsExactly("sim-fast");
    }

    @Test
    void zdrKeepsOnlyZeroRetentionProviders() {
        var plan = plan(List.of(MINI, LLAMA), new RoutingPreferences(null, null, null, true, SortOrder.PRICE, false, true));

        assertThat(plan).extracting(c -> c.model() + "@" + c.provider())
                .containsExactly(MINI + "@sim-fast", LLAMA + "@groq", LLAMA + "@sim-fast");
    }

    @Test
    void fallbackModelsFollowThePrimaryModelsEndpoints() {
        var plan = plan(List.of(LLAMA, MINI), prefs(List.of(), List.of(), List.of(), true, SortOrder.PRICE));

        assertThat(plan).extracting(Candidate::model).containsExactly(LLAMA, LLAMA, MINI, MINI, MINI, MINI);
    }

    @Test
    void candidateCarriesWhatTheGatewayNeedsToCallAndBill() {
        var plan = plan(List.of(MINI), prefs(List.of(), List.of("sim-cheap", "sim-fast"), List.of(), true, SortOrder.PRICE));

        Candidate cheap = plan.get(0);
        assertThat(cheap.upstreamModel()).isEqualTo("gpt-4o-mini");
        assertThat(cheap.baseUrl()).isEqualTo("https://sim-cheap.example");
        assertThat(cheap.protocol()).isEqualTo("openai");
        assertThat(cheap.price().prompt()).isEqualByComparingTo(new BigDecimal("0.000000075"));
        assertThat(cheap.price().completion()).isEqualByComparingTo(new BigDecimal("0.0000003"));
        assertThat(cheap.dataPolicy()).isEqualTo(new DataPolicy(false, true, true));
        assertThat(cheap.dataRegion()).isEqualTo("us");
        assertThat(plan.get(1).dataRegion()).isEqualTo("europe");
        assertThat(cheap.quantization()).isEqualTo("fp8");
        assertThat(cheap.contextLength()).isEqualTo(32_000);
        assertThat(cheap.maxCompletionTokens()).isEqualTo(4_096);
        assertThat(plan.get(1).contextLength()).isEqualTo(128_000);
        assertThat(plan.get(1).maxCompletionTokens()).isNull();
    }

    @Test
    void unknownModelIsRefusedNamingTheFieldThatAskedForIt() {
        assertThatThrownBy(() -> RoutePlanner.plan(catalog, LiveStats.empty(),
                List.of(ModelRequest.parse(MINI, "model"), ModelRequest.parse("acme/unknown", "models")),
                RoutingPreferences.defaults(), new Random(1)))
                .isInstanceOf(UnknownModelException.class)
                .hasMessage("Model acme/unknown is not in the catalogue")
                .satisfies(e -> assertThat(((UnknownModelException) e).model().namedBy()).isEqualTo("models"));
    }

    @Test
    void loadBalancingPutsEndpointsInAnOutageLast() {
        var live = LiveStats.of(List.of(stats("sim-cheap", MINI, 100.0, 100.0, EndpointStats.OUTAGE_FAILURES)));

        for (int seed = 0; seed < 50; seed++) {
            var plan = RoutePlanner.plan(catalog, live, List.of(ModelRequest.parse(MINI, "model")),
                    RoutingPreferences.defaults(), new Random(seed));
            assertThat(providers(plan)).hasSize(4).last().isEqualTo("sim-cheap");
        }
    }

    @Test
    void orderOrSortTurnsLoadBalancingOff() {
        for (int seed = 0; seed < 20; seed++) {
            var plan = RoutePlanner.plan(catalog, LiveStats.empty(), List.of(ModelRequest.parse(MINI, "model")),
                    prefs(List.of("openai"), List.of(), List.of(), true, null), new Random(seed));
            assertThat(providers(plan)).containsExactly("openai", "sim-cheap", "azure", "sim-fast");
        }
    }

    private List<Candidate> plan(List<String> models, RoutingPreferences preferences) {
        return RoutePlanner.plan(catalog, LiveStats.empty(),
                models.stream().map(m -> ModelRequest.parse(m, "model")).toList(), preferences, new Random(7));
    }

    private static RoutingPreferences prefs(List<String> order, List<String> only, List<String> ignore,
            boolean allowFallbacks, SortOrder sort) {
        return new RoutingPreferences(order, only, ignore, allowFallbacks, sort, false, false);
    }

    private static List<String> providers(List<Candidate> plan) {
        return plan.stream().map(Candidate::provider).toList();
    }
}
