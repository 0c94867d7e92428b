package dev.atrium.workspace.api;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /internal/v1/workspaces/{ws}/presets/{reference}}: one version of a preset, as the gateway applies
 * it. Versions never change, so the gateway may keep one as long as it likes.
 *
 * @param systemPrompt     put before the request's messages; null for none
 * @param model            used when the request names only the preset; null for none
 * @param parameters       defaults under the request's own parameters
 * @param lockedParameters parameters whose preset value wins over the request's
 * @param provider         defaults under the request's {@code provider} object
 */
public record PresetDefinition(String workspaceId, String slug, int version, String systemPrompt, String model,
        Map<String, Object> parameters, List<String> lockedParameters, Map<String, Object> provider) {

    public PresetDefinition {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        lockedParameters = lockedParameters == null ? List.of() : List.copyOf(lockedParameters);
        provider = provider == null ? Map.of() : Map.copyOf(provider);
    }
}
