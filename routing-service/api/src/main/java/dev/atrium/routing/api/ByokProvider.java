package dev.atrium.routing.api;

import java.util.List;

/**
 * A provider the workspace brings its own key for, as the gateway learns it from the key's context.
 *
 * @param fallback      tried only after the platform's credentials; otherwise before them
 * @param allowedModels model patterns the key may serve; empty for every model
 */
public record ByokProvider(String provider, boolean fallback, List<String> allowedModels) {
}
