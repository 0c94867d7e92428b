package dev.atrium.routing.application.service;

import dev.atrium.routing.application.port.in.BrowseCatalogQuery;
import dev.atrium.routing.application.port.out.CatalogRepository;
import dev.atrium.routing.application.port.out.ProviderAttemptRepository;
import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.EndpointStats;
import dev.atrium.routing.domain.LiveStats;
import dev.atrium.routing.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reads the catalogue fresh on every call: these routes are for people, not the hot path. */
@ApplicationScoped
public class CatalogService implements BrowseCatalogQuery {

    private final CatalogRepository catalogs;
    private final ProviderAttemptRepository attempts;
    private final BaseUrlTemplate baseUrls;
    private final Clock clock;

    public CatalogService(CatalogRepository catalogs, ProviderAttemptRepository attempts, BaseUrlTemplate baseUrls,
            Clock clock) {
        this.catalogs = catalogs;
        this.attempts = attempts;
        this.baseUrls = baseUrls;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<ModelListing> models() {
        Catalog catalog = catalogs.load();
        return catalog.models().stream()
                .map(m -> new ModelListing(m, catalog.cheapestEndpointOf(m.id()),
                        m.capabilities().supportedParameters(catalog.endpointsOf(m.id()).stream()
                                .map(e -> catalog.provider(e.providerId()).protocol()).toList())))
                .toList();
    }

    @Override
    @Transactional
    public List<Provider> providers() {
        return catalogs.load().providers();
    }

    @Override
    @Transactional
    public Optional<ModelEndpoints> endpoints(String modelId) {
        Catalog catalog = baseUrls.applyTo(catalogs.load());
        return catalog.model(modelId).map(model -> {
            LiveStats stats = LiveStats.of(attempts.statsSince(clock.instant().minus(EndpointStats.WINDOW)));
            return new ModelEndpoints(model, catalog.endpointsOf(modelId).stream()
                    .map(e -> new EndpointListing(e, catalog.provider(e.providerId()),
                            stats.of(e.providerId(), e.modelId())))
                    .toList());
        });
    }
}
