package dev.atrium.routing.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The live statistics of every endpoint that saw traffic in the window. */
public final class LiveStats {

    private final Map<String, EndpointStats> byEndpoint;

    private LiveStats(Map<String, EndpointStats> byEndpoint) {
        this.byEndpoint = byEndpoint;
    }

    public static LiveStats of(Collection<EndpointStats> stats) {
        return new LiveStats(stats.stream()
                .collect(Collectors.toUnmodifiableMap(s -> key(s.provider(), s.model()), Function.identity())));
    }

    public static LiveStats empty() {
        return of(List.of());
    }

    public Optional<EndpointStats> of(String provider, String model) {
        return Optional.ofNullable(byEndpoint.get(key(provider, model)));
    }

    public boolean inOutage(Endpoint endpoint) {
        return of(endpoint.providerId(), endpoint.modelId()).map(EndpointStats::inOutage).orElse(false);
    }

    private static String key(String provider, String model) {
        return provider + "\n" + model;
    }
}
