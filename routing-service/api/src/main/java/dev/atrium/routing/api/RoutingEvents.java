package dev.atrium.routing.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Topic, CloudEvents types and payloads routing-service publishes: every change to the catalogue.
 * Endpoint and model events are keyed by model id, provider events by provider id, so one
 * endpoint's changes stay ordered. Prices are USD per token, exact.
 */
public final class RoutingEvents {

    public static final String TOPIC = "atrium.routing.events";
    public static final String SOURCE = "/atrium/routing-service";
    public static final String PROVIDER_UPDATED = "dev.atrium.routing.provider.updated.v1";
    public static final String MODEL_UPDATED = "dev.atrium.routing.model.updated.v1";
    public static final String ENDPOINT_UPDATED = "dev.atrium.routing.endpoint.updated.v1";
    public static final String ENDPOINT_REMOVED = "dev.atrium.routing.endpoint.removed.v1";

    private RoutingEvents() {
    }

    /** A provider created or changed; its endpoints follow as {@link EndpointUpdated} with the new data policy. */
    public record ProviderUpdated(String provider, String name, String baseUrl, String protocol, DataPolicy dataPolicy,
            String region, Instant updatedAt) {
    }

    public record ModelUpdated(String model, String name, int contextLength, boolean tools, boolean jsonMode,
            boolean vision, boolean streaming, Instant updatedAt) {
    }

    /**
     * An endpoint created or changed, with everything a price view needs.
     *
     * @param contextLength       the endpoint's own limit, null for the model's full context
     * @param maxCompletionTokens null when the provider sets no output limit of its own
     */
    public record EndpointUpdated(String model, String provider, String upstreamModel, BigDecimal promptPrice,
            BigDecimal completionPrice, String quantization, Integer contextLength, Integer maxCompletionTokens,
            int modelContextLength, DataPolicy dataPolicy, Instant updatedAt) {
    }

    /** The provider no longer serves the model. */
    public record EndpointRemoved(String model, String provider, Instant removedAt) {
    }
}
