package dev.atrium.routing.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Orders items by repeated weighted draws without replacement: each position goes to one of the
 * items left with probability weight / (sum of the weights left). Pure: the random source is given.
 */
public final class WeightedShuffle {

    private WeightedShuffle() {
    }

    public static <T> List<T> shuffle(List<T> items, ToDoubleFunction<T> weight, RandomGenerator random) {
        List<T> left = new ArrayList<>(items);
        List<T> out = new ArrayList<>(items.size());
        while (!left.isEmpty()) {
            double total = left.stream().mapToDouble(weight).sum();
            double point = random.nextDouble() * total;
            int chosen = left.size() - 1;
            for (int i = 0; i < left.size(); i++) {
                point -= weight.applyAsDouble(left.get(i));
                if (point < 0) {
                    chosen = i;
                    break;
                }
            }
            out.add(left.remove(chosen));
        }
        return out;
    }
}
