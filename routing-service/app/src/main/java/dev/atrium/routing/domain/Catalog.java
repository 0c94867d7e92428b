package dev.atrium.routing.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Providers, models and the endpoints joining them; endpoints whose provider or model is unknown are left out. */
public final class Catalog {

    private final Map<String, Provider> providers;
    private final Map<String, Model> models;
    private final Map<String, List<Endpoint>> endpointsByModel;

    private Catalog(Map<String, Provider> providers, Map<String, Model> models, Collection<Endpoint> endpoints) {
        this.providers = providers;
        this.models = models;
        this.endpointsByModel = endpoints.stream()
                .filter(e -> providers.containsKey(e.providerId()) && models.containsKey(e.modelId()))
                .sorted(Comparator.comparing(Endpoint::providerId))
                .collect(Collectors.groupingBy(Endpoint::modelId, LinkedHashMap::new, Collectors.toUnmodifiableList()));
    }

    public static Catalog of(Collection<Provider> providers, Collection<Model> models, Collection<Endpoint> endpoints) {
        return new Catalog(index(providers, Provider::id), index(models, Model::id), endpoints);
    }

    public static Catalog empty() {
        return of(List.of(), List.of(), List.of());
    }

    /** The same catalogue with every provider passed through {@code change} (e.g. a base URL override). */
    public Catalog mapProviders(UnaryOperator<Provider> change) {
        List<Provider> changed = providers.values().stream().map(change).toList();
        List<Endpoint> endpoints = endpointsByModel.values().stream().flatMap(List::stream).toList();
        return of(changed, models.values(), endpoints);
    }

    public Optional<Model> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /** Every model, by id. */
    public List<Model> models() {
        return List.copyOf(models.values());
    }

    /** Every provider, by id. */
    public List<Provider> providers() {
        return List.copyOf(providers.values());
    }

    /** Every endpoint, by model id then provider id. */
    public List<Endpoint> endpoints() {
        return endpointsByModel.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(Endpoint::modelId).thenComparing(Endpoint::providerId)).toList();
    }

    public Provider provider(String id) {
        Provider provider = providers.get(id);
        if (provider == null) {
            throw new IllegalArgumentException("Unknown provider " + id);
        }
        return provider;
    }

    /** The model's endpoints, by provider id. */
    public List<Endpoint> endpointsOf(String modelId) {
        return endpointsByModel.getOrDefault(modelId, List.of());
    }

    /** The provider's endpoints, by model id. */
    public List<Endpoint> endpointsAt(String providerId) {
        return endpointsByModel.values().stream().flatMap(List::stream)
                .filter(e -> e.providerId().equals(providerId))
                .sorted(Comparator.comparing(Endpoint::modelId)).toList();
    }

    public Optional<Provider> findProvider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    public Optional<Endpoint> endpoint(String modelId, String providerId) {
        return endpointsOf(modelId).stream().filter(e -> e.providerId().equals(providerId)).findFirst();
    }

    public Optional<Endpoint> cheapestEndpointOf(String modelId) {
        return endpointsOf(modelId).stream().min(EndpointOrder.BY_PRICE);
    }

    private static <T> Map<String, T> index(Collection<T> items, Function<T, String> id) {
        Map<String, T> map = new TreeMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
