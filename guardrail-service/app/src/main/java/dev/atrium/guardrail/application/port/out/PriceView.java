package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.price.EndpointPrice;
import dev.atrium.guardrail.domain.price.ModelPrice;
import java.util.Collection;
import java.util.List;

/** The guardrail's own view of the catalogue's prices, per model and provider. */
public interface PriceView {

    /** The highest prices of each known model among {@code models}; unknown models are absent. */
    List<ModelPrice> highest(Collection<String> models);

    void save(EndpointPrice endpoint);

    void remove(String model, String provider);
}
