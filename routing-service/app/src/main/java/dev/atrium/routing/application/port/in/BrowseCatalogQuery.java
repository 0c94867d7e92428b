package dev.atrium.routing.application.port.in;

import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.EndpointStats;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Provider;
import java.util.List;
import java.util.Optional;

/** The public view of the catalogue: models, their endpoints and how those endpoints are doing. */
public interface BrowseCatalogQuery {

    /** Every model with its cheapest endpoint (empty when no provider serves it). */
    List<ModelListing> models();

    /** Every provider of the catalogue, by id. */
    List<Provider> providers();

    /** The model's endpoints with their live statistics; empty for an unknown model. */
    Optional<ModelEndpoints> endpoints(String modelId);

    /** @param supportedParameters what at least one of the model's endpoints honours */
    record ModelListing(Model model, Optional<Endpoint> cheapest, List<String> supportedParameters) {
    }

    record ModelEndpoints(Model model, List<EndpointListing> endpoints) {
    }

    record EndpointListing(Endpoint endpoint, Provider provider, Optional<EndpointStats> stats) {
    }
}
