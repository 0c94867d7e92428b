package dev.atrium.routing.domain;

import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.DataRegions;
import java.util.Locale;
import java.util.Objects;

/**
 * An upstream provider.
 *
 * @param baseUrl    the API root without {@code /v1}, e.g. {@code https://api.openai.com}
 * @param region     where the provider is, as the catalogue describes it ({@code us}, {@code eu}, {@code cn}); free
 *                   text, shown only
 * @param dataRegion the OpenRouter data region its endpoints keep requests in ({@link DataRegions}), which
 *                   guardrails' {@code allowed_data_regions} filter on
 */
public record Provider(String id, String name, String baseUrl, Protocol protocol, DataPolicy dataPolicy,
        String region, String dataRegion) {

    public Provider {
        Ids.requireText("provider id", id);
        Ids.requireText("provider name", name);
        Ids.requireText("base_url", baseUrl);
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(dataPolicy, "data_policy");
        dataRegion = DataRegions.orGlobal(dataRegion);
        if (!DataRegions.isKnown(dataRegion)) {
            throw new IllegalArgumentException("data_region must be one of " + String.join(", ", DataRegions.ALL));
        }
    }

    /** A provider that promises no data region ({@code global}). */
    public Provider(String id, String name, String baseUrl, Protocol protocol, DataPolicy dataPolicy, String region) {
        this(id, name, baseUrl, protocol, dataPolicy, region, DataRegions.GLOBAL);
    }

    public Provider withBaseUrl(String newBaseUrl) {
        return new Provider(id, name, newBaseUrl, protocol, dataPolicy, region, dataRegion);
    }

    /** Whether a routing preference names this provider: its id or its name, any case, {@code *} suffix allowed. */
    public boolean isNamedBy(String pattern) {
        String p = pattern.toLowerCase(Locale.ROOT);
        return matches(p, id.toLowerCase(Locale.ROOT)) || matches(p, name.toLowerCase(Locale.ROOT));
    }

    private static boolean matches(String pattern, String value) {
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(value);
    }
}
