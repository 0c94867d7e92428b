package dev.atrium.routing.domain;

import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.Price;
import dev.atrium.routing.api.WeightedShuffle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Orders every endpoint of the requested models into a plan, as OpenRouter routes: per model,
 * {@code order} first, then the rest by the sort (the model variant's, else the request's), or, with
 * neither sort nor order, load-balanced by the inverse square of the price among endpoints not in an
 * outage (those follow, cheapest first). Endpoints whose circuit is open are left out; a half-open one
 * comes last, as a probe.
 */
public final class RoutePlanner {

    /** Keeps free endpoints' weights finite; far below any real per-token price. */
    private static final double PRICE_FLOOR = 1e-12;

    private RoutePlanner() {
    }

    public static List<Candidate> plan(Catalog catalog, LiveStats stats, List<ModelRequest> models,
            RoutingPreferences preferences, RandomGenerator random) {
        return rank(catalog, stats, Circuits.allClosed(), models, preferences, List.of(), random).stream()
                .filter(RankedEndpoint::kept).map(RankedEndpoint::candidate).toList();
    }

    public static List<RankedEndpoint> rank(Catalog catalog, LiveStats stats, Circuits circuits,
            List<ModelRequest> models, RoutingPreferences preferences, List<String> parameters,
            RandomGenerator random) {
        return rank(catalog, stats, circuits, models, preferences, parameters, List.of(), random);
    }

    /**
     * Every endpoint of the requested models: the kept ones in plan order, each model's left-out ones
     * after them. An endpoint the workspace has its own key for comes first with that key (after the
     * platform's endpoints for a fallback key), in the platform ranking's order.
     */
    public static List<RankedEndpoint> rank(Catalog catalog, LiveStats stats, Circuits circuits,
            List<ModelRequest> models, RoutingPreferences preferences, List<String> parameters, List<ByokKey> byok,
            RandomGenerator random) {
        List<RankedEndpoint> ranking = new ArrayList<>();
        for (ModelRequest request : models) {
            Model model = catalog.model(request.id()).orElseThrow(() -> new UnknownModelException(request));
            List<Endpoint> eligible = new ArrayList<>();
            List<Endpoint> probes = new ArrayList<>();
            List<RankedEndpoint> excluded = new ArrayList<>();
            for (Endpoint e : catalog.endpointsOf(model.id())) {
                Provider provider = catalog.provider(e.providerId());
                var exclusion = preferences.exclusion(provider, model, e, parameters);
                if (exclusion.isPresent()) {
                    excluded.add(RankedEndpoint.excluded(candidate(provider, model, e), exclusion.get()));
                    continue;
                }
                switch (circuits.of(e)) {
                    case OPEN -> excluded.add(RankedEndpoint.excluded(candidate(provider, model, e), "circuit_open"));
                    case HALF_OPEN -> probes.add(e);
                    case CLOSED -> eligible.add(e);
                }
            }
            SortOrder sort = request.sort() != null ? request.sort() : preferences.sort();
            Map<Endpoint, String> reasons = new IdentityHashMap<>();
            List<Endpoint> ordered = order(eligible, catalog, stats, preferences.order(), sort, random, reasons);
            probes.stream().sorted(EndpointOrder.BY_PRICE).forEach(p -> {
                ordered.add(p);
                reasons.put(p, "circuit_probe");
            });
            List<RankedEndpoint> offered = new ArrayList<>();
            addByok(offered, catalog, model, ordered, byok, false);
            for (Endpoint e : ordered) {
                offered.add(RankedEndpoint.kept(candidate(catalog.provider(e.providerId()), model, e, false),
                        reasons.get(e)));
            }
            addByok(offered, catalog, model, ordered, byok, true);
            for (int i = 0; i < offered.size(); i++) {
                RankedEndpoint r = offered.get(i);
                ranking.add(i == 0 || preferences.allowFallbacks() ? r
                        : RankedEndpoint.excluded(r.candidate(), "allow_fallbacks"));
            }
            ranking.addAll(excluded);
        }
        return List.copyOf(ranking);
    }

    private static void addByok(List<RankedEndpoint> offered, Catalog catalog, Model model, List<Endpoint> ordered,
            List<ByokKey> byok, boolean fallback) {
        for (Endpoint e : ordered) {
            if (byok.stream().anyMatch(k -> k.fallback() == fallback && k.serves(e))) {
                offered.add(RankedEndpoint.kept(candidate(catalog.provider(e.providerId()), model, e, true),
                        fallback ? "byok_fallback" : "byok"));
            }
        }
    }

    static List<Endpoint> order(List<Endpoint> eligible, Catalog catalog, LiveStats stats, List<String> order,
            SortOrder sort, RandomGenerator random) {
        return order(eligible, catalog, stats, order, sort, random, new IdentityHashMap<>());
    }

    private static List<Endpoint> order(List<Endpoint> eligible, Catalog catalog, LiveStats stats, List<String> order,
            SortOrder sort, RandomGenerator random, Map<Endpoint, String> reasons) {
        List<Endpoint> rest = new ArrayList<>(eligible);
        rest.sort(EndpointOrder.BY_PRICE);
        List<Endpoint> head = new ArrayList<>();
        for (String named : order) {
            for (Endpoint e : List.copyOf(rest)) {
                if (catalog.provider(e.providerId()).isNamedBy(named)) {
                    head.add(e);
                    rest.remove(e);
                    reasons.put(e, "order");
                }
            }
        }
        if (sort == null && order.isEmpty()) {
            for (Endpoint e : balance(rest, stats, random)) {
                head.add(e);
                reasons.put(e, stats.inOutage(e) ? "outage" : "load_balanced");
            }
        } else {
            SortOrder by = sort == null ? SortOrder.PRICE : sort;
            rest.sort(EndpointOrder.of(by, stats));
            rest.forEach(e -> reasons.put(e, "sort:" + by.name().toLowerCase(Locale.ROOT)));
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
        return weight(endpoint.price());
    }

    /** An endpoint's share of the load: 1 / (prompt + completion price)². */
    static double weight(Price price) {
        double combined = Math.max(price.prompt().add(price.completion()).doubleValue(), PRICE_FLOOR);
        return 1.0 / (combined * combined);
    }

    private static Candidate candidate(Provider provider, Model model, Endpoint e) {
        return candidate(provider, model, e, false);
    }

    private static Candidate candidate(Provider provider, Model model, Endpoint e, boolean byok) {
        return new Candidate(model.id(), provider.id(), e.upstreamModel(), provider.baseUrl(),
                provider.protocol().wire(), e.price(), provider.dataPolicy(), e.quantization(), e.contextLength(model),
                e.maxCompletionTokens(), byok, provider.dataRegion());
    }
}
