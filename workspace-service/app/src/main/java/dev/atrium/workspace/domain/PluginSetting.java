package dev.atrium.workspace.domain;

import java.util.Map;
import java.util.Set;

/** A workspace's default for one plugin; a request cannot change a locked one. */
public record PluginSetting(String id, boolean enabled, boolean locked, Map<String, Object> options) {

    public static final Set<String> KNOWN = Set.of("web", "response-healing", "moderation", "context-compression",
            "file-parser");

    public PluginSetting {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
