package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.ObservabilityDestination;
import dev.atrium.workspace.domain.PluginSetting;
import java.util.List;

public interface WorkspaceSettingsQuery {

    List<PluginSetting> plugins(String workspaceId);

    /** Header values are masked. */
    List<ObservabilityDestination> observability(String workspaceId);

    /** Header values decrypted, for the gateway only; 404 for an archived workspace. */
    List<ObservabilityDestination> observabilityWithHeaders(String workspaceId);
}
