package dev.atrium.routing.api;

import java.util.List;

/**
 * The request's {@code provider} object, as OpenRouter's (fields absent when null).
 *
 * @param quantizations     keep only endpoints at one of these quantizations ({@code int4}, {@code fp8}, ...)
 * @param maxPrice          USD per token; endpoints above either price are left out
 * @param requireParameters keep only endpoints whose model supports every parameter the request uses
 */
public record ProviderPreferences(
        List<String> order,
        List<String> only,
        List<String> ignore,
        Boolean allowFallbacks,
        String sort,
        String dataCollection,
        Boolean zdr,
        List<String> quantizations,
        MaxPrice maxPrice,
        Boolean requireParameters) {

    public ProviderPreferences(List<String> order, List<String> only, List<String> ignore, Boolean allowFallbacks,
            String sort, String dataCollection, Boolean zdr) {
        this(order, only, ignore, allowFallbacks, sort, dataCollection, zdr, null, null, null);
    }

    public static ProviderPreferences none() {
        return new ProviderPreferences(null, null, null, null, null, null, null);
    }
}
