package dev.atrium.routing.domain;

import static dev.atrium.routing.domain.Catalogs.MINI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atrium.routing.api.Candidate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** OpenRouter's default: the first provider is drawn with probability proportional to 1/price². */
class LoadBalancingTest {

    private static final int DRAWS = 20_000;

    @Test
    void cheaperEndpointComesFirstInProportionToTheInverseSquareOfItsPrice() {
        // Combined prices 0.375, 0.75, 0.80 and 1.50 per million: weights 1/p².
        Map<String, Integer> firsts = firstProviders(new Random(42));

        double[] weights = {1 / (0.375 * 0.375), 1 / (0.75 * 0.75), 1 / (0.80 * 0.80), 1 / (1.5 * 1.5)};
        double total = weights[0] + weights[1] + weights[2] + weights[3];
        assertThat(share(firsts, "sim-cheap")).isCloseTo(weights[0] / total, within(0.015));
        assertThat(share(firsts, "openai")).isCloseTo(weights[1] / total, within(0.015));
        assertThat(share(firsts, "azure")).isCloseTo(weights[2] / total, within(0.015));
        assertThat(share(firsts, "sim-fast")).isCloseTo(weights[3] / total, within(0.015));
        assertThat(share(firsts, "sim-cheap")).isGreaterThan(0.55);
    }

    @Test
    void twiceThePriceIsChosenFirstAQuarterAsOften() {
        var endpoints = List.of(Catalogs.endpoint(MINI, "a", "1", "1", null), Catalogs.endpoint(MINI, "b", "2", "2", null));
        Random random = new Random(42);
        int cheapFirst = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (RoutePlanner.balance(endpoints, LiveStats.empty(), random).get(0).providerId().equals("a")) {
                cheapFirst++;
            }
        }

        assertThat((double) cheapFirst / DRAWS).isCloseTo(0.8, within(0.015));
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        assertThat(plan(new Random(99))).isEqualTo(plan(new Random(99)));
    }

    @Test
    void everyEndpointAppearsOnceWhateverTheDraw() {
        for (int seed = 0; seed < 100; seed++) {
            assertThat(plan(new Random(seed))).containsExactlyInAnyOrder("openai", "azure", "sim-cheap", "sim-fast");
        }
    }

    @Test
    void freeEndpointsKeepAFiniteWeight() {
        var free = Catalogs.endpoint(MINI, "free", "0", "0", null);

        assertThat(RoutePlanner.weight(free)).isFinite().isPositive();
    }

    private static Map<String, Integer> firstProviders(Random random) {
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            firsts.merge(plan(random).get(0), 1, Integer::sum);
        }
        return firsts;
    }

    private static List<String> plan(Random random) {
        return RoutePlanner.plan(Catalogs.sample(), LiveStats.empty(), List.of(ModelRequest.parse(MINI, "model")),
                RoutingPreferences.defaults(), random).stream().map(Candidate::provider).toList();
    }

    private static double share(Map<String, Integer> counts, String provider) {
        return counts.getOrDefault(provider, 0) / (double) DRAWS;
    }
}
