package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.KnownWorkspace;

/** Records a workspace's organization from workspace-service's events, before any usage arrives. */
public interface LearnWorkspaceUseCase {

    void learn(LearnWorkspaceCommand command);

    record LearnWorkspaceCommand(KnownWorkspace workspace) {

        public static LearnWorkspaceCommand of(String workspaceId, String organizationId) {
            return new LearnWorkspaceCommand(new KnownWorkspace(Fields.id("workspace_id", workspaceId),
                    Fields.id("organization_id", organizationId)));
        }
    }
}
