package dev.atrium.routing.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.CatalogSeed;
import dev.atrium.routing.domain.Catalogs;
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
        var service = new CatalogSeedService(InMemoryRouting.source(catalog, local), store, store, store,
                BaseUrlTemplate.none(), clock);

        assertThat(service.seed()).containsExactly("catalog v1");
        assertThat(service.seed()).isEmpty();
        assertThat(store.saved).containsExactly(catalog);
    }

    @Test
    void theLocalOverrideAddsTheSimulatorProvidersEvenAfterAnEarlierProductionStart() {
        new CatalogSeedService(InMemoryRouting.source(catalog, local), store, store, store, BaseUrlTemplate.none(),
                clock).seed();
        var local = new CatalogSeedService(InMemoryRouting.source(catalog, this.local), store, store, store,
                new BaseUrlTemplate("http://127.0.0.1:8090/p/{provider}"), clock);

        assertThat(local.seed()).containsExactly("local-providers v1");
        assertThat(local.seed()).isEmpty();
        assertThat(store.saved).containsExactly(catalog, this.local);
    }

    @Test
    void theEndpointsOfEachFileAppliedArePublishedOnceWithTheirPricesAndDataPolicy() {
        var sample = Catalogs.sample();
        var full = new CatalogSeed("catalog", 1, sample.providers(), sample.models(),
                sample.endpoints().stream().filter(e -> !e.providerId().startsWith("sim-")).toList());
        var sims = new CatalogSeed("local-providers", 1, List.of(), List.of(),
                sample.endpoints().stream().filter(e -> e.providerId().startsWith("sim-")).toList());
        var service = new CatalogSeedService(InMemoryRouting.source(full, sims), store, store, store,
                new BaseUrlTemplate("http://127.0.0.1:8090/p/{provider}"), clock);

        service.seed();
        service.seed();

        assertThat(store.events).containsExactly(
                "endpoint.updated meta-llama/llama-3.1-8b-instruct@groq 0.00000005/0.00000008 zdr=true",
                "endpoint.updated openai/gpt-4o-mini@azure 0.00000016/0.00000064 zdr=false",
                "endpoint.updated openai/gpt-4o-mini@openai 0.00000015/0.0000006 zdr=false",
                "endpoint.updated meta-llama/llama-3.1-8b-instruct@sim-fast 0.0000001/0.0000001 zdr=true",
                "endpoint.updated openai/gpt-4o-mini@sim-cheap 0.000000075/0.0000003 zdr=false",
                "endpoint.updated openai/gpt-4o-mini@sim-fast 0.0000003/0.0000012 zdr=true");
    }
}
