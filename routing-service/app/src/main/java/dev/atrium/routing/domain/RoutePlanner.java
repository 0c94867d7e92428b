package dev.atrium.routing.domain;

import dev.atrium.routing.api.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Orders every endpoint of the requested models into a plan, as OpenRouter routes: per model,
 * {@code order} first, then the rest by the sort (the model variant's, else the request's), or, with
 * neither sort nor order, load-balanced by the inverse square of the price among endpoints not in an
 * outage (those follow, cheapest first).
 */
public final class RoutePlanner {

    /** Keeps free endpoints' weights finite; far below any real per-token price. */
    private static final double PRICE_FLOOR = 1e-12;

    private RoutePlanner() {
    }

    public static List<Candidate> plan(Catalog catalog, LiveStats stats, List<ModelRequest> models,
            RoutingPreferences preferences, RandomGenerator random) {
        List<Candidate> plan = new ArrayList<>();
        for (ModelRequest request : models) {
            Model model = catalog.model(request.id()).orElseThrow(() -> new UnknownModelException(request));
            List<Endpoint> eligible = catalog.endpointsOf(model.id()).stream()
                    .filter(e -> preferences.admits(catalog.provider(e.providerId())))
                    .toList();
            SortOrder sort = request.sort() != null ? request.sort() : preferences.sort();
            List<Endpoint> ordered = order(eligible, catalog, stats, preferences.order(), sort, random);
            if (!preferences.allowFallbacks() && ordered.size() > 1) {
                ordered = ordered.subList(0, 1);
            }
            ordered.forEach(e -> plan.add(candidate(catalog.provider(e.providerId()), model, e)));
        }
        return List.copyOf(plan);
    }

    static List<Endpoint> order(List<Endpoint> eligible, Catalog catalog, LiveStats stats, List<String> order,
            SortOrder sort, RandomGenerator random) {
        List<Endpoint> rest = new ArrayList<>(eligible);
        rest.sort(EndpointOrder.BY_PRICE);
        List<Endpoint> head = new ArrayList<>();
        for (String named : order) {
            for (Endpoint e : List.copyOf(rest)) {
                if (catalog.provider(e.providerId()).isNamedBy(named)) {
                    head.add(e);
                    rest.remove(e);
                }
            }
        }
        if (sort == null && order.isEmpty()) {
            head.addAll(balance(rest, stats, random));
        } else {
            rest.sort(EndpointOrder.of(sort == null ? SortOrder.PRICE : sort, stats));
            head.addAll(rest);
        }
        return head;
    }

    /** The stable endpoints shuffled with weight 1/price², then the ones in an outage by price. */
    static List<Endpoint> balance(List<Endpoint> endpoints, LiveStats stats, RandomGenerator random) {
        List<Endpoint> stable = endpoints.stream().filter(e -> !stats.inOutage(e)).toList();
        List<Endpoint> out = new ArrayList<>(WeightedShuffle.shuffle(stable, RoutePlanner::weight, random));
        endpoints.stream().filter(stats::inOutage).sorted(EndpointOrder.BY_PRICE).forEach(out::add);
        return out;
    }

    static double weight(Endpoint endpoint) {
        double price = Math.max(endpoint.combinedPrice().doubleValue(), PRICE_FLOOR);
        return 1.0 / (price * price);
    }

    private static Candidate candidate(Provider provider, Model model, Endpoint e) {
        return new Candidate(model.id(), provider.id(), e.upstreamModel(), provider.baseUrl(),
                provider.protocol().wire(), e.price(), provider.dataPolicy(), e.quantization(), e.contextLength(model),
                e.maxCompletionTokens());
    }
}
