package dev.atrium.routing.api;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Every candidate endpoint, in the order the gateway should try them.
 *
 * @param excluded the endpoints of the requested models the plan left out, each with the preference that
 *                 removed it, so a "no provider meets your routing requirements" answer can name them
 * @param reuse    null, or how long the caller may serve the same plan request again from this plan, and
 *                 how: {@link #reordered} draws the load-balanced runs anew, as routing would
 */
public record RoutePlan(List<Candidate> candidates, List<Exclusion> excluded, Reuse reuse) {

    public RoutePlan {
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    public RoutePlan(List<Candidate> candidates, List<Exclusion> excluded) {
        this(candidates, excluded, null);
    }

    public RoutePlan(List<Candidate> candidates) {
        this(candidates, List.of());
    }

    /** @param reason {@code only}, {@code ignore}, {@code zdr}, {@code max_price.prompt}, {@code circuit_open}, ... */
    public record Exclusion(String model, String provider, String reason) {
    }

    /**
     * A plan that holds, for an identical plan request, for {@code forMillis}: nothing in it depends on the
     * draw but the order inside {@code balanced}, and it gives no circuit its one probe.
     *
     * @param balanced the runs of candidates ordered by a weighted draw
     */
    public record Reuse(long forMillis, List<Balanced> balanced) {

        public Reuse {
            balanced = balanced == null ? List.of() : List.copyOf(balanced);
        }
    }

    /**
     * Candidates {@code from} to {@code from + weights.size() - 1}, ordered by repeated draws without replacement,
     * each with its weight.
     */
    public record Balanced(int from, List<Double> weights) {

        public Balanced {
            weights = List.copyOf(weights);
        }
    }

    /** This plan with every balanced run drawn anew; the rest keeps its place. */
    public RoutePlan reordered(RandomGenerator random) {
        if (reuse == null || reuse.balanced().isEmpty()) {
            return this;
        }
        List<Candidate> out = new ArrayList<>(candidates);
        for (Balanced run : reuse.balanced()) {
            List<Integer> drawn = WeightedShuffle.shuffle(IntStream.range(0, run.weights().size()).boxed().toList(),
                    run.weights()::get, random);
            for (int i = 0; i < drawn.size(); i++) {
                out.set(run.from() + i, candidates.get(run.from() + drawn.get(i)));
            }
        }
        return new RoutePlan(out, excluded, reuse);
    }
}
