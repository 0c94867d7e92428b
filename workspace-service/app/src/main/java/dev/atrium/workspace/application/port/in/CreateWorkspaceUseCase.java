package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.Slug;
import dev.atrium.workspace.domain.Workspace;

public interface CreateWorkspaceUseCase {

    Workspace create(CreateWorkspaceCommand command);

    record CreateWorkspaceCommand(String organizationId, String name, Slug slug, String defaultTextModel,
            String defaultProviderSort) {

        public static CreateWorkspaceCommand of(String organizationId, String name, String slug,
                String defaultTextModel, String defaultProviderSort) {
            Commands.providerSort(defaultProviderSort);
            Commands.model("default_text_model", defaultTextModel);
            return new CreateWorkspaceCommand(organizationId, InvalidFieldException.requireText("name", name, 200),
                    Commands.slug(slug), defaultTextModel, defaultProviderSort);
        }
    }
}
