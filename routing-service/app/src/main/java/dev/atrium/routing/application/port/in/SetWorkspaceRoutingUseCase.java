package dev.atrium.routing.application.port.in;

import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.domain.PreferenceLayer;
import dev.atrium.routing.domain.WorkspaceRouting;

public interface SetWorkspaceRoutingUseCase {

    /** Replaces the workspace's routing defaults. */
    WorkspaceRouting set(SetWorkspaceRoutingCommand command);

    record SetWorkspaceRoutingCommand(String workspaceId, PreferenceLayer preferences, String userId) {

        public static SetWorkspaceRoutingCommand of(String workspaceId, ProviderPreferences body, String userId) {
            return new SetWorkspaceRoutingCommand(workspaceId, ProviderPreferencesInput.parse(body, ""), userId);
        }
    }
}
