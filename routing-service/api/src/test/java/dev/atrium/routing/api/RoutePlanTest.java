package dev.atrium.routing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoutePlanTest {

    @Test
    void reorderingDrawsOnlyTheBalancedRunAndKeepsEverythingElseInPlace() {
        var plan = new RoutePlan(List.of(candidate("first"), candidate("a"), candidate("b"), candidate("c"),
                candidate("last")), List.of(new RoutePlan.Exclusion("m", "x", "ignore")),
                new RoutePlan.Reuse(1000, List.of(new RoutePlan.Balanced(1, List.of(1.0, 1.0, 1.0)))));
        Random random = new Random(5);

        for (int i = 0; i < 50; i++) {
            var drawn = plan.reordered(random);
            assertThat(drawn.candidates().get(0).provider()).isEqualTo("first");
            assertThat(drawn.candidates().get(4).provider()).isEqualTo("last");
            assertThat(drawn.candidates().subList(1, 4)).extracting(Candidate::provider)
                    .containsExactlyInAnyOrder("a", "b", "c");
            assertThat(drawn.excluded()).isEqualTo(plan.excluded());
            assertThat(drawn.reuse()).isEqualTo(plan.reuse());
        }
    }

    @Test
    void eachCandidateComesFirstInProportionToItsWeight() {
        var plan = new RoutePlan(List.of(candidate("a"), candidate("b")), List.of(),
                new RoutePlan.Reuse(1000, List.of(new RoutePlan.Balanced(0, List.of(4.0, 1.0)))));
        Random random = new Random(11);
        int aFirst = 0;

        for (int i = 0; i < 20_000; i++) {
            if (plan.reordered(random).candidates().get(0).provider().equals("a")) {
                aFirst++;
            }
        }

        assertThat(aFirst / 20_000.0).isCloseTo(0.8, within(0.015));
    }

    @Test
    void aPlanWithoutRunsIsItsOwnReordering() {
        var plan = new RoutePlan(List.of(candidate("a"), candidate("b")), List.of(),
                new RoutePlan.Reuse(1000, List.of()));

        assertThat(plan.reordered(new Random(1))).isSameAs(plan);
    }

    private static Candidate candidate(String provider) {
        return new Candidate("m", provider, "m", "http://" + provider, "openai",
                new Price(BigDecimal.ONE, BigDecimal.ONE), new DataPolicy(false, false, false), null, 1000, null);
    }
}
