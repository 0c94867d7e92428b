package dev.atrium.routing.api;

import java.util.List;

/** The request's {@code provider} object, as OpenRouter's (fields absent when null). */
public record ProviderPreferences(
        List<String> order,
        List<String> only,
        List<String> ignore,
        Boolean allowFallbacks,
        String sort,
        String dataCollection,
        Boolean zdr) {

    public static ProviderPreferences none() {
        return new ProviderPreferences(null, null, null, null, null, null, null);
    }
}
