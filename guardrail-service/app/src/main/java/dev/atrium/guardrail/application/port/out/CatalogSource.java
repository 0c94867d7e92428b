package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.price.EndpointPrice;
import java.util.List;

/** Routing's public catalogue, asked when the price view does not know a model yet. */
public interface CatalogSource {

    /** The model's endpoints; empty when routing does not know it or cannot be reached. */
    List<EndpointPrice> endpoints(String model);
}
