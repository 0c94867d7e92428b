package dev.atrium.routing.application.service;

import dev.atrium.routing.application.port.out.CatalogEventPublisher;
import dev.atrium.routing.application.port.out.CatalogRepository;
import dev.atrium.routing.application.port.out.CatalogSeedSource;
import dev.atrium.routing.application.port.out.CatalogSeedStore;
import dev.atrium.routing.application.port.out.CatalogWriter;
import dev.atrium.routing.application.port.out.ProviderAttemptRepository;
import dev.atrium.routing.application.port.out.WorkspaceDirectory;
import dev.atrium.routing.application.port.out.WorkspaceRoutingRepository;
import dev.atrium.routing.domain.Attempt;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.CatalogSeed;
import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.EndpointStats;
import dev.atrium.routing.domain.KnownWorkspace;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Provider;
import dev.atrium.routing.domain.WorkspaceRouting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory fakes of the out-ports; published events are kept as readable lines. */
class InMemoryRouting implements CatalogRepository, CatalogSeedStore, CatalogWriter, CatalogEventPublisher,
        ProviderAttemptRepository, WorkspaceDirectory, WorkspaceRoutingRepository {

    Catalog catalog = Catalog.empty();
    int loads;
    final Set<String> claimed = new LinkedHashSet<>();
    final List<CatalogSeed> saved = new ArrayList<>();
    final Map<String, Attempt> attempts = new LinkedHashMap<>();
    final List<String> events = new ArrayList<>();
    final Map<String, KnownWorkspace> workspaces = new HashMap<>();
    final Map<String, WorkspaceRouting> routings = new HashMap<>();
    List<EndpointStats> stats = List.of();
    Instant statsAskedSince;

    @Override
    public Catalog load() {
        loads++;
        return catalog;
    }

    @Override
    public boolean claim(String name, int version, Instant at) {
        return claimed.add(name + " v" + version);
    }

    @Override
    public void save(CatalogSeed seed) {
        saved.add(seed);
        List<Provider> providers = new ArrayList<>(catalog.providers());
        providers.addAll(seed.providers());
        List<Model> models = new ArrayList<>(catalog.models());
        models.addAll(seed.models());
        List<Endpoint> endpoints = new ArrayList<>(catalog.endpoints());
        endpoints.addAll(seed.endpoints());
        catalog = Catalog.of(providers, models, endpoints);
    }

    @Override
    public void saveProvider(Provider provider) {
        List<Provider> providers = new ArrayList<>(catalog.providers().stream()
                .filter(p -> !p.id().equals(provider.id())).toList());
        providers.add(provider);
        catalog = Catalog.of(providers, catalog.models(), catalog.endpoints());
    }

    @Override
    public void saveModel(Model model) {
        List<Model> models = new ArrayList<>(catalog.models().stream().filter(m -> !m.id().equals(model.id())).toList());
        models.add(model);
        catalog = Catalog.of(catalog.providers(), models, catalog.endpoints());
    }

    @Override
    public void saveEndpoint(Endpoint endpoint) {
        List<Endpoint> endpoints = new ArrayList<>(catalog.endpoints().stream()
                .filter(e -> !(e.modelId().equals(endpoint.modelId()) && e.providerId().equals(endpoint.providerId())))
                .toList());
        endpoints.add(endpoint);
        catalog = Catalog.of(catalog.providers(), catalog.models(), endpoints);
    }

    @Override
    public boolean removeEndpoint(String modelId, String providerId) {
        List<Endpoint> endpoints = catalog.endpoints().stream()
                .filter(e -> !(e.modelId().equals(modelId) && e.providerId().equals(providerId))).toList();
        boolean removed = endpoints.size() < catalog.endpoints().size();
        catalog = Catalog.of(catalog.providers(), catalog.models(), endpoints);
        return removed;
    }

    @Override
    public void providerUpdated(Provider provider) {
        events.add("provider.updated " + provider.id());
    }

    @Override
    public void modelUpdated(Model model) {
        events.add("model.updated " + model.id());
    }

    @Override
    public void endpointUpdated(Endpoint endpoint, Provider provider, Model model) {
        events.add("endpoint.updated " + endpoint.modelId() + "@" + provider.id() + " "
                + endpoint.price().prompt().toPlainString() + "/" + endpoint.price().completion().toPlainString()
                + " zdr=" + provider.dataPolicy().zdr());
    }

    @Override
    public void endpointRemoved(String modelId, String providerId) {
        events.add("endpoint.removed " + modelId + "@" + providerId);
    }

    @Override
    public boolean add(Attempt attempt) {
        return attempts.putIfAbsent(attempt.eventId(), attempt) == null;
    }

    @Override
    public int addAll(List<Attempt> batch) {
        return (int) batch.stream().filter(this::add).count();
    }

    @Override
    public List<EndpointStats> statsSince(Instant since) {
        statsAskedSince = since;
        return stats;
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        int before = attempts.size();
        attempts.values().removeIf(a -> a.at().isBefore(cutoff));
        return before - attempts.size();
    }

    @Override
    public Optional<KnownWorkspace> find(String workspaceId) {
        return Optional.ofNullable(workspaces.get(workspaceId));
    }

    @Override
    public void save(KnownWorkspace workspace) {
        workspaces.put(workspace.id(), workspace);
    }

    @Override
    public Optional<WorkspaceRouting> routingOf(String workspaceId) {
        return Optional.ofNullable(routings.get(workspaceId));
    }

    @Override
    public void save(WorkspaceRouting routing) {
        routings.put(routing.workspaceId(), routing);
    }

    static CatalogSeedSource source(CatalogSeed catalog, CatalogSeed local) {
        return new CatalogSeedSource() {
            @Override
            public CatalogSeed catalog() {
                return catalog;
            }

            @Override
            public CatalogSeed localProviders() {
                return local;
            }
        };
    }
}
