package dev.atrium.routing.domain;

import static dev.atrium.routing.domain.Catalogs.LLAMA;
import static dev.atrium.routing.domain.Catalogs.MINI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The full ranking: why each endpoint is kept where it is or left out, and the fields that only filter. */
class RankingTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final Catalog catalog = Catalogs.sample();

    @Test
    void quantizationsKeepOnlyTheNamedOnesInAnyCase() {
        Catalog mixed = Catalog.of(catalog.providers(), catalog.models(), List.of(
                endpoint("openai", "0.15", "0.60", "fp16"), endpoint("azure", "0.16", "0.64", "int8"),
                endpoint("sim-cheap", "0.075", "0.30", "int4")));

        var ranking = rank(mixed, prefs(List.of("FP16", "int8"), null, null, false), List.of());

        assertThat(summary(ranking)).containsExactly("openai kept sort:price", "azure kept sort:price",
                "sim-cheap out quantizations");
    }

    @Test
    void maxPriceLeavesOutEndpointsAboveEitherPerTokenPrice() {
        var ranking = rank(catalog, prefs(List.of(), new BigDecimal("0.00000016"), new BigDecimal("0.0000006"), false),
                List.of());

        assertThat(summary(ranking)).containsExactly("sim-cheap kept sort:price", "openai kept sort:price",
                "azure out max_price.completion", "sim-fast out max_price.prompt");
    }

    @Test
    void requireParametersLeavesOutModelsThatDoNotHonourTheRequestsParameters() {
        var noTools = new Model(LLAMA, "Llama", 131_072, new Capabilities(false, false, false, true));
        Catalog plain = Catalog.of(catalog.providers(), List.of(catalog.model(MINI).orElseThrow(), noTools),
                catalog.endpoints());
        var models = List.of(ModelRequest.parse(MINI, "model"), ModelRequest.parse(LLAMA, "models"));

        var required = RoutePlanner.rank(plain, LiveStats.empty(), Circuits.allClosed(), models,
                prefs(List.of(), null, null, true), List.of("tools", "temperature", "x-unknown"), new Random(1));
        var notRequired = RoutePlanner.rank(plain, LiveStats.empty(), Circuits.allClosed(), models,
                prefs(List.of(), null, null, false), List.of("tools"), new Random(1));

        assertThat(required).filteredOn(RankedEndpoint::kept).extracting(r -> r.candidate().model()).containsOnly(MINI);
        assertThat(required).filteredOn(r -> r.candidate().model().equals(LLAMA))
                .extracting(RankedEndpoint::reason).containsOnly("require_parameters");
        assertThat(notRequired).filteredOn(RankedEndpoint::kept).hasSize(6);
    }

    @Test
    void requireParametersLeavesOutAnAnthropicEndpointForAParameterItsAdapterDrops() {
        Provider anthropic = Catalogs.provider("anthropic", "Anthropic", Protocol.ANTHROPIC, new DataPolicy(false, true, false));
        List<Provider> providers = new ArrayList<>(catalog.providers());
        providers.add(anthropic);
        Catalog mixed = Catalog.of(providers, catalog.models(), List.of(endpoint("openai", "0.15", "0.60", "fp8"),
                endpoint("anthropic", "0.10", "0.50", "fp8")));

        var withSeed = rank(mixed, prefs(List.of(), null, null, true), List.of("tools", "response_format", "seed"));
        var withTools = rank(mixed, prefs(List.of(), null, null, true),
                List.of("tools", "tool_choice", "response_format", "stop", "temperature", "top_p", "max_tokens"));

        assertThat(summary(withSeed)).containsExactly("openai kept sort:price", "anthropic out require_parameters");
        assertThat(summary(withTools)).containsExactly("anthropic kept sort:price", "openai kept sort:price");
    }

    @Test
    void everyExclusionNamesThePreferenceThatMadeIt() {
        var preferences = new RoutingPreferences(List.of(), List.of("openai", "azure", "sim-*"), List.of("azure"),
                true, SortOrder.PRICE, true, false);

        var ranking = rank(catalog, preferences, List.of());

        assertThat(summary(ranking)).containsExactly("sim-fast kept sort:price", "azure out ignore",
                "openai out data_collection", "sim-cheap out data_collection");
    }

    @Test
    void orderedProvidersSayOrderAndNoFallbacksLeavesTheRestOut() {
        var preferences = new RoutingPreferences(List.of("azure"), null, null, false, null, false, false);

        var ranking = rank(catalog, preferences, List.of());

        assertThat(summary(ranking)).containsExactly("azure kept order", "sim-cheap out allow_fallbacks",
                "openai out allow_fallbacks", "sim-fast out allow_fallbacks");
    }

    @Test
    void anOpenCircuitLeavesTheEndpointOutAndAHalfOpenOneComesLastOnce() {
        var policy = new CircuitPolicy(3, Duration.ofSeconds(30));
        var live = LiveStats.of(List.of(
                failing("sim-cheap", NOW.minusSeconds(5)),
                failing("openai", NOW.minusSeconds(31))));
        var tickets = new ProbeTickets(Duration.ofSeconds(30));

        var first = RoutePlanner.rank(catalog, live, Circuits.forPlan(policy, live, tickets, NOW),
                List.of(ModelRequest.parse(MINI, "model")), RoutingPreferences.defaults(), List.of(), new Random(3));
        var second = RoutePlanner.rank(catalog, live, Circuits.forPlan(policy, live, tickets, NOW.plusSeconds(1)),
                List.of(ModelRequest.parse(MINI, "model")), RoutingPreferences.defaults(), List.of(), new Random(3));

        assertThat(summary(first)).hasSize(4).endsWith("openai kept circuit_probe", "sim-cheap out circuit_open");
        assertThat(summary(first).subList(0, 2)).allMatch(s -> s.endsWith("kept load_balanced"));
        assertThat(summary(second)).endsWith("openai out circuit_open", "sim-cheap out circuit_open");
    }

    @Test
    void aPreviewShowsTheProbeWithoutTakingIt() {
        var policy = new CircuitPolicy(3, Duration.ofSeconds(30));
        var live = LiveStats.of(List.of(failing("openai", NOW.minusSeconds(60))));

        for (int i = 0; i < 3; i++) {
            var ranking = RoutePlanner.rank(catalog, live, Circuits.forPreview(policy, live, NOW),
                    List.of(ModelRequest.parse(MINI, "model")), RoutingPreferences.defaults(), List.of(), new Random(i));
            assertThat(summary(ranking)).last().isEqualTo("openai kept circuit_probe");
        }
    }

    @Test
    void theWorkspacesOwnKeysComeBeforeThePlatformsAndFallbackKeysAfter() {
        var byok = List.of(new ByokKey("openai", false, List.of()), new ByokKey("azure", true, List.of("openai/*")),
                new ByokKey("groq", false, List.of(MINI)));

        var ranking = RoutePlanner.rank(catalog, LiveStats.empty(), Circuits.allClosed(),
                List.of(ModelRequest.parse(MINI, "model"), ModelRequest.parse(LLAMA, "models")),
                new RoutingPreferences(null, List.of(), List.of("sim-fast"), true, SortOrder.PRICE, false, false),
                List.of(), byok, new Random(1));

        assertThat(ranking).extracting(r -> r.candidate().model().substring(0, 4) + " " + r.candidate().provider()
                + (r.candidate().byok() ? " byok " : " platform ") + r.reason())
                .containsExactly("open openai byok byok", "open sim-cheap platform sort:price",
                        "open openai platform sort:price", "open azure platform sort:price",
                        "open azure byok byok_fallback", "open sim-fast platform ignore",
                        "meta groq platform sort:price", "meta sim-fast platform ignore");
    }

    private static EndpointStats failing(String provider, Instant lastFailure) {
        return new EndpointStats(provider, MINI, 3, 0, null, null, null, 3, lastFailure);
    }

    private static List<RankedEndpoint> rank(Catalog catalog, RoutingPreferences preferences, List<String> parameters) {
        return RoutePlanner.rank(catalog, LiveStats.empty(), Circuits.allClosed(),
                List.of(ModelRequest.parse(MINI, "model")), preferences, parameters, new Random(1));
    }

    private static RoutingPreferences prefs(List<String> quantizations, BigDecimal maxPrompt, BigDecimal maxCompletion,
            boolean requireParameters) {
        return new RoutingPreferences(null, null, null, true, SortOrder.PRICE, false, false, quantizations, maxPrompt,
                maxCompletion, requireParameters);
    }

    private static Endpoint endpoint(String provider, String prompt, String completion, String quantization) {
        return new Endpoint(MINI, provider, "gpt-4o-mini",
                Price.perMillion(new BigDecimal(prompt), new BigDecimal(completion)), quantization, null, null);
    }

    private static List<String> summary(List<RankedEndpoint> ranking) {
        return ranking.stream().map(r -> r.candidate().provider() + (r.kept() ? " kept " : " out ") + r.reason())
                .toList();
    }
}
