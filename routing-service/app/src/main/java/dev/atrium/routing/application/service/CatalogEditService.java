package dev.atrium.routing.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.routing.application.port.in.PutEndpointUseCase;
import dev.atrium.routing.application.port.in.PutModelUseCase;
import dev.atrium.routing.application.port.in.PutProviderUseCase;
import dev.atrium.routing.application.port.in.RemoveEndpointUseCase;
import dev.atrium.routing.application.port.out.CatalogEventPublisher;
import dev.atrium.routing.application.port.out.CatalogRepository;
import dev.atrium.routing.application.port.out.CatalogWriter;
import dev.atrium.routing.domain.Catalog;
import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Platform admins' catalogue edits: each change and its events in one transaction. A provider or
 * model change republishes the endpoints it affects, so a price view never holds a stale data
 * policy or context length.
 */
@ApplicationScoped
public class CatalogEditService implements PutProviderUseCase, PutModelUseCase, PutEndpointUseCase,
        RemoveEndpointUseCase {

    private final CatalogRepository catalogs;
    private final CatalogWriter writer;
    private final CatalogEventPublisher events;
    private final RoutingSnapshots snapshots;

    public CatalogEditService(CatalogRepository catalogs, CatalogWriter writer, CatalogEventPublisher events,
            RoutingSnapshots snapshots) {
        this.catalogs = catalogs;
        this.writer = writer;
        this.events = events;
        this.snapshots = snapshots;
    }

    @Override
    @Transactional
    public Provider put(PutProviderCommand command) {
        Provider provider = command.provider();
        writer.saveProvider(provider);
        events.providerUpdated(provider);
        Catalog catalog = catalogs.load();
        for (Endpoint e : catalog.endpointsAt(provider.id())) {
            events.endpointUpdated(e, provider, catalog.model(e.modelId()).orElseThrow());
        }
        snapshots.invalidate();
        return provider;
    }

    @Override
    @Transactional
    public Model put(PutModelCommand command) {
        Model model = command.model();
        writer.saveModel(model);
        events.modelUpdated(model);
        Catalog catalog = catalogs.load();
        for (Endpoint e : catalog.endpointsOf(model.id())) {
            events.endpointUpdated(e, catalog.provider(e.providerId()), model);
        }
        snapshots.invalidate();
        return model;
    }

    @Override
    @Transactional
    public Endpoint put(PutEndpointCommand command) {
        Endpoint endpoint = command.endpoint();
        Catalog catalog = catalogs.load();
        Model model = catalog.model(endpoint.modelId()).orElseThrow(() -> new ApiException(404,
                "Model " + endpoint.modelId() + " is not in the catalogue", Map.of("field", "model")));
        Provider provider = catalog.findProvider(endpoint.providerId()).orElseThrow(() -> new ApiException(404,
                "Provider " + endpoint.providerId() + " is not in the catalogue", Map.of("field", "provider")));
        writer.saveEndpoint(endpoint);
        events.endpointUpdated(endpoint, provider, model);
        snapshots.invalidate();
        return endpoint;
    }

    @Override
    @Transactional
    public void remove(String modelId, String providerId) {
        if (!writer.removeEndpoint(modelId, providerId)) {
            throw new ApiException(404, "Provider " + providerId + " does not serve " + modelId + " in the catalogue",
                    Map.of("field", "provider"));
        }
        events.endpointRemoved(modelId, providerId);
        snapshots.invalidate();
    }
}
