package dev.atrium.routing.domain;

import static dev.atrium.routing.domain.Catalogs.LLAMA;
import static dev.atrium.routing.domain.Catalogs.MINI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atrium.routing.api.RoutePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlanReuseTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    private final Catalog catalog = Catalogs.sample();

    @Test
    void aLoadBalancedPlanIsReusableWithItsRunAndTheRoutingWeights() {
        var ranking = rank(List.of(MINI), RoutingPreferences.defaults(), List.of());

        var reuse = PlanReuse.of(ranking, SECOND).orElseThrow();

        assertThat(reuse.forMillis()).isEqualTo(1000);
        assertThat(reuse.balanced()).hasSize(1);
        assertThat(reuse.balanced().get(0).from()).isZero();
        var kept = ranking.stream().filter(RankedEndpoint::kept).map(RankedEndpoint::candidate).toList();
        assertThat(reuse.balanced().get(0).weights()).containsExactlyElementsOf(
                kept.stream().map(c -> RoutePlanner.weight(c.price())).toList());
    }

    @Test
    void drawingTheReusedPlanAnewGivesRoutingsOwnShares() {
        var ranking = rank(List.of(MINI), RoutingPreferences.defaults(), List.of());
        var plan = new RoutePlan(ranking.stream().filter(RankedEndpoint::kept).map(RankedEndpoint::candidate).toList(),
                List.of(), PlanReuse.of(ranking, SECOND).orElseThrow());
        Random random = new Random(7);
        Map<String, Integer> reused = new HashMap<>();
        Map<String, Integer> planned = new HashMap<>();

        for (int i = 0; i < 20_000; i++) {
            reused.merge(plan.reordered(random).candidates().get(0).provider(), 1, Integer::sum);
            planned.merge(rank(List.of(MINI), RoutingPreferences.defaults(), List.of(), random).get(0).candidate()
                    .provider(), 1, Integer::sum);
        }

        for (String provider : List.of("sim-cheap", "openai", "azure", "sim-fast")) {
            assertThat(reused.getOrDefault(provider, 0) / 20_000.0)
                    .isCloseTo(planned.getOrDefault(provider, 0) / 20_000.0, within(0.02));
        }
        assertThat(plan.reordered(random).candidates()).containsExactlyInAnyOrderElementsOf(plan.candidates());
    }

    @Test
    void aSortedPlanIsReusedAsItIs() {
        var reuse = PlanReuse.of(rank(List.of(MINI), prefs(true, SortOrder.PRICE), List.of()), SECOND).orElseThrow();

        assertThat(reuse.balanced()).isEmpty();
    }

    @Test
    void eachFallbackModelHasItsOwnRunAtItsPlaceInThePlan() {
        var reuse = PlanReuse.of(rank(List.of(MINI, LLAMA), RoutingPreferences.defaults(), List.of()), SECOND)
                .orElseThrow();

        assertThat(reuse.balanced()).extracting(RoutePlan.Balanced::from).containsExactly(0, 4);
        assertThat(reuse.balanced()).extracting(b -> b.weights().size()).containsExactly(4, 2);
    }

    @Test
    void aPlanGivingAProbeIsNotReusable() {
        var policy = new CircuitPolicy(3, Duration.ofSeconds(30));
        var live = LiveStats.of(List.of(new EndpointStats("openai", MINI, 3, 0, null, null, null, 3,
                NOW.minusSeconds(31))));
        var tickets = new ProbeTickets(Duration.ofSeconds(30));
        var probing = RoutePlanner.rank(catalog, live, Circuits.forPlan(policy, live, tickets, NOW),
                List.of(ModelRequest.parse(MINI, "model")), RoutingPreferences.defaults(), List.of(), new Random(1));
        var after = RoutePlanner.rank(catalog, live, Circuits.forPlan(policy, live, tickets, NOW.plusSeconds(1)),
                List.of(ModelRequest.parse(MINI, "model")), RoutingPreferences.defaults(), List.of(), new Random(1));

        assertThat(PlanReuse.of(probing, SECOND)).isEmpty();
        assertThat(PlanReuse.of(after, SECOND)).isPresent();
    }

    @Test
    void whenTheDrawChoseTheOnlyEndpointKeptThePlanIsNotReusable() {
        var drawn = rank(List.of(MINI), prefs(false, null), List.of());
        var sorted = rank(List.of(MINI), prefs(false, SortOrder.PRICE), List.of());

        assertThat(PlanReuse.of(drawn, SECOND)).isEmpty();
        assertThat(PlanReuse.of(sorted, SECOND)).isPresent();
    }

    @Test
    void ownKeysFollowingADrawAreNotReusableButFollowingASortAre() {
        var byok = List.of(new ByokKey("openai", false, List.of()));

        assertThat(PlanReuse.of(rank(List.of(MINI), RoutingPreferences.defaults(), byok), SECOND)).isEmpty();
        assertThat(PlanReuse.of(rank(List.of(MINI), prefs(true, SortOrder.PRICE), byok), SECOND)).isPresent();
    }

    @Test
    void zeroTurnsReuseOff() {
        assertThat(PlanReuse.of(rank(List.of(MINI), prefs(true, SortOrder.PRICE), List.of()), Duration.ZERO))
                .isEmpty();
    }

    private List<RankedEndpoint> rank(List<String> models, RoutingPreferences preferences, List<ByokKey> byok) {
        return rank(models, preferences, byok, new Random(1));
    }

    private List<RankedEndpoint> rank(List<String> models, RoutingPreferences preferences, List<ByokKey> byok,
            Random random) {
        return RoutePlanner.rank(catalog, LiveStats.empty(), Circuits.allClosed(),
                models.stream().map(m -> ModelRequest.parse(m, "model")).toList(), preferences, List.of(), byok,
                random);
    }

    private static RoutingPreferences prefs(boolean allowFallbacks, SortOrder sort) {
        return new RoutingPreferences(List.of(), List.of(), List.of(), allowFallbacks, sort, false, false);
    }
}
