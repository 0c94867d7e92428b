package dev.atrium.routing.adapter.out.catalogfile;

import java.math.BigDecimal;
import java.util.List;

/** A catalogue file as written: prices per million tokens (the only place they are). */
record CatalogFile(String name, int version, List<ProviderJson> providers, List<ModelJson> models,
        List<EndpointJson> endpoints) {

    record ProviderJson(String id, String name, String baseUrl, String protocol, DataPolicyJson dataPolicy,
            String region, String dataRegion) {
    }

    record DataPolicyJson(boolean zdr, boolean retainsPrompts, boolean trainsOnData) {
    }

    record ModelJson(String id, String name, int contextLength, CapabilitiesJson capabilities) {
    }

    record CapabilitiesJson(boolean tools, boolean jsonMode, boolean vision, boolean streaming) {
    }

    record EndpointJson(String model, String provider, String upstreamModel, BigDecimal promptPricePerMillion,
            BigDecimal completionPricePerMillion, String quantization, Integer contextLength,
            Integer maxCompletionTokens) {
    }
}
