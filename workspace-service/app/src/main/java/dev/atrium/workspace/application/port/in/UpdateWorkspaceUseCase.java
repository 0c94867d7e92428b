package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.Workspace;

public interface UpdateWorkspaceUseCase {

    Workspace update(UpdateWorkspaceCommand command);

    record UpdateWorkspaceCommand(String workspaceId, Patch<String> name, Patch<String> defaultTextModel,
            Patch<String> defaultProviderSort) {

        public static UpdateWorkspaceCommand of(String workspaceId, Patch<String> name,
                Patch<String> defaultTextModel, Patch<String> defaultProviderSort) {
            Patch<String> n = name.present() ? Patch.of(InvalidFieldException.requireText("name", name.value(), 200))
                    : name;
            Commands.model("default_text_model", defaultTextModel.value());
            Commands.providerSort(defaultProviderSort.value());
            return new UpdateWorkspaceCommand(workspaceId, n, defaultTextModel, defaultProviderSort);
        }
    }
}
