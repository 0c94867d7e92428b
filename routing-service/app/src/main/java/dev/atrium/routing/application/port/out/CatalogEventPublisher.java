package dev.atrium.routing.application.port.out;

import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Provider;

/** Publishes catalogue changes in the caller's transaction (guardrail keeps its price view from them). */
public interface CatalogEventPublisher {

    void providerUpdated(Provider provider);

    void modelUpdated(Model model);

    void endpointUpdated(Endpoint endpoint, Provider provider, Model model);

    void endpointRemoved(String modelId, String providerId);
}
