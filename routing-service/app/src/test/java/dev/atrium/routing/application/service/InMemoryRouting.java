package dev.atrium.routing.application.service;

import dev.atrium.routing.application.port.out.CatalogRepository;
import dev.atrium.routing.application.port.out.CatalogSeedSource;
import dev.atrium.routing.application.port.out.CatalogSeedStore;
import dev.atrium.routing.application.port.out.ProviderAttemptRepository;
import dev.atrium.routing.domain.Attempt;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.CatalogSeed;
import dev.atrium.routing.domain.EndpointStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** In-memory fakes of the out-ports. */
class InMemoryRouting implements CatalogRepository, CatalogSeedStore, ProviderAttemptRepository {

    Catalog catalog = Catalog.empty();
    int loads;
    final Set<String> claimed = new LinkedHashSet<>();
    final List<CatalogSeed> saved = new ArrayList<>();
    final Map<String, Attempt> attempts = new LinkedHashMap<>();
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
    }

    @Override
    public boolean add(Attempt attempt) {
        return attempts.putIfAbsent(attempt.eventId(), attempt) == null;
    }

    @Override
    public List<EndpointStats> statsSince(Instant since) {
        statsAskedSince = since;
        return stats;
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
