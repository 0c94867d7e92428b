package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.price.EndpointPrice;

/** Keeps the guardrail's price view in step with routing's catalogue events. */
public interface LearnPricesUseCase {

    void priced(EndpointPrice endpoint);

    void removed(String model, String provider);
}
