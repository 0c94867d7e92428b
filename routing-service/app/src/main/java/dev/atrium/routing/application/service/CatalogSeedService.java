package dev.atrium.routing.application.service;

import dev.atrium.routing.application.port.in.SeedCatalogUseCase;
import dev.atrium.routing.application.port.out.CatalogSeedSource;
import dev.atrium.routing.application.port.out.CatalogSeedStore;
import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.CatalogSeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies each catalogue file version once, so a restart does not overwrite what admins changed
 * since. The simulator's providers come in only with the local base URL override.
 */
@ApplicationScoped
public class CatalogSeedService implements SeedCatalogUseCase {

    private final CatalogSeedSource source;
    private final CatalogSeedStore store;
    private final BaseUrlTemplate baseUrls;
    private final Clock clock;

    public CatalogSeedService(CatalogSeedSource source, CatalogSeedStore store, BaseUrlTemplate baseUrls,
            Clock clock) {
        this.source = source;
        this.store = store;
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
        for (CatalogSeed seed : seeds) {
            if (store.claim(seed.name(), seed.version(), clock.instant())) {
                store.save(seed);
                applied.add(seed.label());
            }
        }
        return applied;
    }
}
