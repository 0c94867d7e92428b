package dev.atrium.guardrail.domain.price;

import java.math.BigDecimal;

/** One provider's per-token prices for a model, as routing publishes or serves them. */
public record EndpointPrice(String model, String provider, BigDecimal prompt, BigDecimal completion,
        Integer maxCompletionTokens) {

    public EndpointPrice {
        if (prompt == null || completion == null || prompt.signum() < 0 || completion.signum() < 0) {
            throw new IllegalArgumentException("An endpoint's prices must be present and not negative");
        }
    }
}
