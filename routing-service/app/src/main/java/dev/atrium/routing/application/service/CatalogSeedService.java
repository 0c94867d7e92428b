package dev.atrium.routing.application.service;

import dev.atrium.routing.application.port.in.SeedCatalogUseCase;
import dev.atrium.routing.application.port.out.CatalogEventPublisher;
import dev.atrium.routing.application.port.out.CatalogRepository;
import dev.atrium.routing.application.port.out.CatalogSeedSource;
import dev.atrium.routing.application.port.out.CatalogSeedStore;
import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.CatalogSeed;
import dev.atrium.routing.domain.Endpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies each catalogue file version once, so a restart does not overwrite what admins changed
 * since. The simulator's providers come in only with the local base URL override. The endpoints of
 * every file applied are published, so a fresh consumer (guardrail's price view) learns the prices.
 */
@ApplicationScoped
public class CatalogSeedService implements SeedCatalogUseCase {

    private final CatalogSeedSource source;
    private final CatalogSeedStore store;
    private final CatalogRepository catalogs;
    private final CatalogEventPublisher events;
    private final BaseUrlTemplate baseUrls;
    private final Clock clock;

    public CatalogSeedService(CatalogSeedSource source, CatalogSeedStore store, CatalogRepository catalogs,
            CatalogEventPublisher events, BaseUrlTemplate baseUrls, Clock clock) {
        this.source = source;
        this.store = store;
        this.catalogs = catalogs;
        this.events = events;
        this.baseUrls = baseUrls;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<String> seed() {
        List<CatalogSeed> seeds = new ArrayList<>(List.of(source.catalog()));
        if (baseUrls.active()) {
            seeds.add(source.localProviders());
        }
        List<String> applied = new ArrayList<>();
        List<Endpoint> published = new ArrayList<>();
        for (CatalogSeed seed : seeds) {
            if (store.claim(seed.name(), seed.version(), clock.instant())) {
                store.save(seed);
                applied.add(seed.label());
                published.addAll(seed.endpoints());
            }
        }
        if (!published.isEmpty()) {
            Catalog catalog = catalogs.load();
            for (Endpoint e : published) {
                catalog.endpoint(e.modelId(), e.providerId()).ifPresent(stored -> events.endpointUpdated(stored,
                        catalog.provider(stored.providerId()), catalog.model(stored.modelId()).orElseThrow()));
            }
        }
        return applied;
    }
}
