package dev.atrium.routing.adapter.in.rest;

import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Provider;
import java.math.BigDecimal;

/** The catalogue editing routes' bodies and answers; prices are USD per token ("0.00000015"). */
final class CatalogDtos {

    private CatalogDtos() {
    }

    record DataPolicyBody(Boolean zdr, Boolean retainsPrompts, Boolean trainsOnData) {
        static final DataPolicyBody EMPTY = new DataPolicyBody(null, null, null);
    }

    record ProviderBody(String name, String baseUrl, String protocol, DataPolicyBody dataPolicy, String region,
            String dataRegion) {
        static final ProviderBody EMPTY = new ProviderBody(null, null, null, null, null, null);
    }

    record CapabilitiesBody(Boolean tools, Boolean jsonMode, Boolean vision, Boolean streaming) {
        static final CapabilitiesBody EMPTY = new CapabilitiesBody(null, null, null, null);
    }

    record ModelBody(String name, Integer contextLength, CapabilitiesBody capabilities) {
        static final ModelBody EMPTY = new ModelBody(null, null, null);
    }

    record PriceBody(BigDecimal prompt, BigDecimal completion) {
        static final PriceBody EMPTY = new PriceBody(null, null);
    }

    record EndpointBody(String upstreamModel, PriceBody pricing, String quantization, Integer contextLength,
            Integer maxCompletionTokens) {
        static final EndpointBody EMPTY = new EndpointBody(null, null, null, null, null);
    }

    record ProviderView(String id, String name, String baseUrl, String protocol, DataPolicy dataPolicy, String region,
            String dataRegion) {
        static ProviderView of(Provider p) {
            return new ProviderView(p.id(), p.name(), p.baseUrl(), p.protocol().wire(), p.dataPolicy(), p.region(),
                    p.dataRegion());
        }
    }

    record CapabilitiesView(boolean tools, boolean jsonMode, boolean vision, boolean streaming) {
    }

    record ModelAdminView(String id, String name, int contextLength, CapabilitiesView capabilities) {
        static ModelAdminView of(Model m) {
            var c = m.capabilities();
            return new ModelAdminView(m.id(), m.name(), m.contextLength(),
                    new CapabilitiesView(c.tools(), c.jsonMode(), c.vision(), c.streaming()));
        }
    }

    record EndpointAdminView(String model, String provider, String upstreamModel, Dtos.Pricing pricing,
            String quantization, Integer contextLength, Integer maxCompletionTokens) {
        static EndpointAdminView of(Endpoint e) {
            return new EndpointAdminView(e.modelId(), e.providerId(), e.upstreamModel(), Dtos.Pricing.of(e.price()),
                    e.quantization(), e.contextLength(), e.maxCompletionTokens());
        }
    }
}
