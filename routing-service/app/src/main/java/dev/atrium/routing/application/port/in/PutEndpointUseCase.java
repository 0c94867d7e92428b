package dev.atrium.routing.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.routing.api.Price;
import dev.atrium.routing.domain.Endpoint;
import java.math.BigDecimal;

public interface PutEndpointUseCase {

    /** Creates or replaces the endpoint of a known model at a known provider and publishes its prices. */
    Endpoint put(PutEndpointCommand command);

    /** Prices are USD per token (the API's unit), exact. */
    record PutEndpointCommand(Endpoint endpoint) {

        public static PutEndpointCommand of(String modelId, String providerId, String upstreamModel,
                BigDecimal promptPrice, BigDecimal completionPrice, String quantization, Integer contextLength,
                Integer maxCompletionTokens) {
            CatalogInput.text(upstreamModel, "upstream_model", 200);
            Price price = new Price(CatalogInput.price(promptPrice, "pricing.prompt"),
                    CatalogInput.price(completionPrice, "pricing.completion"));
            if (quantization != null && quantization.length() > 20) {
                throw new InvalidFieldException("quantization",
                        "quantization must be at most 20 characters");
            }
            return new PutEndpointCommand(new Endpoint(modelId, providerId, upstreamModel, price, quantization,
                    CatalogInput.positive(contextLength, "context_length"),
                    CatalogInput.positive(maxCompletionTokens, "max_completion_tokens")));
        }
    }
}
