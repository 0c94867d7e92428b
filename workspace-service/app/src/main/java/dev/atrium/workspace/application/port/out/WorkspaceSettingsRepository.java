package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.domain.ObservabilityDestination;
import dev.atrium.workspace.domain.PluginSetting;
import java.util.List;

/** Plugin defaults and observability destinations; header values arrive and leave in plain text here. */
public interface WorkspaceSettingsRepository {

    List<PluginSetting> plugins(String workspaceId);

    void savePlugins(String workspaceId, List<PluginSetting> plugins);

    List<ObservabilityDestination> observability(String workspaceId);

    void saveObservability(String workspaceId, List<ObservabilityDestination> destinations);
}
