package dev.atrium.routing.domain;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/** The orders a plan can put a model's endpoints in; ties and missing statistics fall back to price. */
final class EndpointOrder {

    static final Comparator<Endpoint> BY_PRICE = Comparator.comparing(Endpoint::combinedPrice)
            .thenComparing(e -> e.price().prompt())
            .thenComparing(Endpoint::providerId);

    private EndpointOrder() {
    }

    static Comparator<Endpoint> of(SortOrder sort, LiveStats stats) {
        return switch (sort) {
            case PRICE -> BY_PRICE;
            case THROUGHPUT -> measuredFirst(stats, s -> Optional.ofNullable(s.throughputP50()).map(t -> -t));
            case LATENCY -> measuredFirst(stats, s -> Optional.ofNullable(s.latencyP50()));
        };
    }

    /** Endpoints with a measurement first, smallest key first; the unmeasured after them, by price. */
    private static Comparator<Endpoint> measuredFirst(LiveStats stats, Function<EndpointStats, Optional<Double>> key) {
        Function<Endpoint, Optional<Double>> measure = e -> stats.of(e.providerId(), e.modelId()).flatMap(key);
        return Comparator.<Endpoint, Boolean>comparing(e -> measure.apply(e).isEmpty())
                .thenComparing(e -> measure.apply(e).orElse(0.0))
                .thenComparing(BY_PRICE);
    }
}
