package dev.atrium.workspace.domain;

import java.util.Map;
import java.util.Set;

/** A workspace's default for one plugin; a request cannot change a locked one. */
public record PluginSetting(String id, boolean enabled, boolean locked, Map<String, Object> options) {

    /**
     * The plugins the gateway implements. {@code web} (no search provider) and {@code file-parser} are
     * OpenRouter plugins the gateway refuses, so a workspace default naming one would fail every request.
     */
    public static final Set<String> KNOWN = Set.of("response-healing", "moderation", "context-compression");

    public PluginSetting {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
