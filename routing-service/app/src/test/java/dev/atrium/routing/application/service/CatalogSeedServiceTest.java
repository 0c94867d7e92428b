package dev.atrium.routing.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.CatalogSeed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogSeedServiceTest {

    private final InMemoryRouting store = new InMemoryRouting();
    private final CatalogSeed catalog = new CatalogSeed("catalog", 1, List.of(), List.of(), List.of());
    private final CatalogSeed local = new CatalogSeed("local-providers", 1, List.of(), List.of(), List.of());
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void productionSeedsTheCatalogueOnlyAndOnlyOnce() {
        var service = new CatalogSeedService(InMemoryRouting.source(catalog, local), store, BaseUrlTemplate.none(), clock);

        assertThat(service.seed()).containsExactly("catalog v1");
        assertThat(service.seed()).isEmpty();
        assertThat(store.saved).containsExactly(catalog);
    }

    @Test
    void theLocalOverrideAddsTheSimulatorProvidersEvenAfterAnEarlierProductionStart() {
        new CatalogSeedService(InMemoryRouting.source(catalog, local), store, BaseUrlTemplate.none(), clock).seed();
        var local = new CatalogSeedService(InMemoryRouting.source(catalog, this.local), store,
                new BaseUrlTemplate("http://127.0.0.1:8090/p/{provider}"), clock);

        assertThat(local.seed()).containsExactly("local-providers v1");
        assertThat(local.seed()).isEmpty();
        assertThat(store.saved).containsExactly(catalog, this.local);
    }
}
