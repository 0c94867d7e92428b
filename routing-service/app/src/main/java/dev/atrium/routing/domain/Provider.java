package dev.atrium.routing.domain;

import dev.atrium.routing.api.DataPolicy;
import java.util.Locale;
import java.util.Objects;

/**
 * An upstream provider.
 *
 * @param baseUrl the API root without {@code /v1}, e.g. {@code https://api.openai.com}
 */
public record Provider(String id, String name, String baseUrl, Protocol protocol, DataPolicy dataPolicy,
        String region) {

    public Provider {
        Ids.requireText("provider id", id);
        Ids.requireText("provider name", name);
        Ids.requireText("base_url", baseUrl);
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(dataPolicy, "data_policy");
    }

    public Provider withBaseUrl(String newBaseUrl) {
        return new Provider(id, name, newBaseUrl, protocol, dataPolicy, region);
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
