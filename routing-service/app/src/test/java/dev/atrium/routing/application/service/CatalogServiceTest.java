package dev.atrium.routing.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.routing.application.port.in.BrowseCatalogQuery.EndpointListing;
import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.Catalogs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

    private final InMemoryRouting store = new InMemoryRouting();
    private final CatalogService service = new CatalogService(store, store, BaseUrlTemplate.none(),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void everyModelIsListedWithItsCheapestEndpoint() {
        store.catalog = Catalogs.sample();

        var mini = service.models().stream().filter(m -> m.model().id().equals(Catalogs.MINI)).findFirst().orElseThrow();

        assertThat(mini.cheapest().orElseThrow().providerId()).isEqualTo("sim-cheap");
        assertThat(mini.cheapest().orElseThrow().price().prompt()).isEqualByComparingTo(new BigDecimal("0.000000075"));
    }

    @Test
    void endpointsCarryTheirLiveStatisticsWhenThereAreAny() {
        store.catalog = Catalogs.sample();
        store.stats = List.of(Catalogs.stats("groq", Catalogs.LLAMA, 80.0, 400.0, 0));

        var endpoints = service.endpoints(Catalogs.LLAMA).orElseThrow().endpoints();

        assertThat(endpoints).extracting(e -> e.provider().id()).containsExactly("groq", "sim-fast");
        assertThat(endpoints.get(0).stats().orElseThrow().throughputP50()).isEqualTo(400.0);
        assertThat(endpoints.get(1).stats()).isEmpty();
    }

    @Test
    void anUnknownModelHasNoEndpoints() {
        store.catalog = Catalogs.sample();

        assertThat(service.endpoints("acme/nothing")).isEmpty();
    }

    @Test
    void listingsNameTheProvider() {
        store.catalog = Catalogs.sample();

        List<EndpointListing> endpoints = service.endpoints(Catalogs.MINI).orElseThrow().endpoints();

        assertThat(endpoints).extracting(e -> e.provider().name()).contains("Azure OpenAI", "OpenAI");
    }
}
