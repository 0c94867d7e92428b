package dev.atrium.workspace.domain;

import java.util.List;
import java.util.Map;

/** What key resolution tells the gateway about a workspace's settings, secrets left out. */
public record WorkspaceSettings(List<ByokCredential> byok, Map<String, Integer> presetIndex,
        List<PluginSetting> plugins, List<ObservabilityDestination> observability) {

    public static final WorkspaceSettings NONE = new WorkspaceSettings(List.of(), Map.of(), List.of(), List.of());
}
