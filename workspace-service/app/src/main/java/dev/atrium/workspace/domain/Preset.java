package dev.atrium.workspace.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One version of a preset; every change writes a new version, old ones stay addressable as {@code slug@N}. */
public record Preset(String workspaceId, String slug, int version, String systemPrompt, String model,
        Map<String, Object> parameters, List<String> lockedParameters, Map<String, Object> provider,
        String createdBy, Instant createdAt) {

    public Preset {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        lockedParameters = lockedParameters == null ? List.of() : List.copyOf(lockedParameters);
        provider = provider == null ? Map.of() : Map.copyOf(provider);
    }
}
