package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.GroupPaths;

public interface SetWorkspaceMemberUseCase {

    /** Gives the user exactly this workspace role; a null role removes the user from the workspace. */
    void set(SetWorkspaceMemberCommand command);

    record SetWorkspaceMemberCommand(String workspaceId, String userId, String role) {

        public static SetWorkspaceMemberCommand of(String workspaceId, String userId, String role) {
            if (role == null || !GroupPaths.WORKSPACE_ROLES.contains(role)) {
                throw new InvalidFieldException("role", "role must be admin or member");
            }
            return new SetWorkspaceMemberCommand(workspaceId, Commands.userId(userId), role);
        }

        public static SetWorkspaceMemberCommand removal(String workspaceId, String userId) {
            return new SetWorkspaceMemberCommand(workspaceId, Commands.userId(userId), null);
        }
    }
}
