package dev.atrium.routing.adapter.out.messaging;

import dev.atrium.common.outbox.Outbox;
import dev.atrium.routing.api.RoutingEvents;
import dev.atrium.routing.application.port.out.CatalogEventPublisher;
import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Catalogue events through the outbox: endpoint and model events keyed by model id, provider events by provider id. */
@ApplicationScoped
class OutboxCatalogEventPublisher implements CatalogEventPublisher {

    private final Outbox outbox;
    private final Clock clock;

    OutboxCatalogEventPublisher(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void providerUpdated(Provider p) {
        outbox.append(RoutingEvents.TOPIC, p.id(), RoutingEvents.PROVIDER_UPDATED, RoutingEvents.SOURCE,
                new RoutingEvents.ProviderUpdated(p.id(), p.name(), p.baseUrl(), p.protocol().wire(), p.dataPolicy(),
                        p.region(), clock.instant()));
    }

    @Override
    public void modelUpdated(Model m) {
        var c = m.capabilities();
        outbox.append(RoutingEvents.TOPIC, m.id(), RoutingEvents.MODEL_UPDATED, RoutingEvents.SOURCE,
                new RoutingEvents.ModelUpdated(m.id(), m.name(), m.contextLength(), c.tools(), c.jsonMode(),
                        c.vision(), c.streaming(), clock.instant()));
    }

    @Override
    public void endpointUpdated(Endpoint e, Provider provider, Model model) {
        outbox.append(RoutingEvents.TOPIC, e.modelId(), RoutingEvents.ENDPOINT_UPDATED, RoutingEvents.SOURCE,
                new RoutingEvents.EndpointUpdated(e.modelId(), e.providerId(), e.upstreamModel(), e.price().prompt(),
                        e.price().completion(), e.quantization(), e.contextLength(), e.maxCompletionTokens(),
                        model.contextLength(), provider.dataPolicy(), clock.instant()));
    }

    @Override
    public void endpointRemoved(String modelId, String providerId) {
        outbox.append(RoutingEvents.TOPIC, modelId, RoutingEvents.ENDPOINT_REMOVED, RoutingEvents.SOURCE,
                new RoutingEvents.EndpointRemoved(modelId, providerId, clock.instant()));
    }
}
