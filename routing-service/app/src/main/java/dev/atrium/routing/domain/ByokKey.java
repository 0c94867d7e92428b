package dev.atrium.routing.domain;

import dev.atrium.routing.api.ModelPatterns;
import java.util.List;

/**
 * A workspace's own key for a provider: its endpoints are offered with it before the platform's
 * (or after them, for a fallback key).
 *
 * @param allowedModels model patterns the key may serve; empty for every model
 */
public record ByokKey(String provider, boolean fallback, List<String> allowedModels) {

    public ByokKey {
        Ids.requireText("byok provider", provider);
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
    }

    public boolean serves(Endpoint endpoint) {
        return provider.equals(endpoint.providerId())
                && (allowedModels.isEmpty() || ModelPatterns.matchesAny(allowedModels, endpoint.modelId()));
    }
}
