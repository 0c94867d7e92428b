package dev.atrium.routing.domain;

import dev.atrium.routing.api.Price;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One model served by one provider, at its per-token price.
 *
 * @param contextLength null when the endpoint serves the model's full context
 * @param maxCompletionTokens null when the provider sets no output limit of its own
 */
public record Endpoint(String modelId, String providerId, String upstreamModel, Price price, String quantization,
        Integer contextLength, Integer maxCompletionTokens) {

    public Endpoint {
        Ids.requireText("endpoint model", modelId);
        Ids.requireText("endpoint provider", providerId);
        Ids.requireText("upstream_model", upstreamModel);
        Objects.requireNonNull(price, "price");
        quantization = quantization == null || quantization.isBlank() ? "unknown" : quantization;
    }

    /** Prompt plus completion price per token: what "cheapest" compares. */
    public BigDecimal combinedPrice() {
        return price.prompt().add(price.completion());
    }

    public int contextLength(Model model) {
        return contextLength == null ? model.contextLength() : Math.min(contextLength, model.contextLength());
    }
}
