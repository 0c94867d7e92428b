package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.Slug;
import dev.atrium.workspace.domain.Workspace;
import java.util.Set;

public interface CreateWorkspaceUseCase {

    Workspace create(CreateWorkspaceCommand command);

    record CreateWorkspaceCommand(String organizationId, String name, Slug slug, String defaultTextModel,
            String defaultProviderSort) {

        private static final Set<String> SORTS = Set.of("price", "throughput", "latency");

        public static CreateWorkspaceCommand of(String organizationId, String name, String slug,
                String defaultTextModel, String defaultProviderSort) {
            if (defaultProviderSort != null && !SORTS.contains(defaultProviderSort)) {
                throw new InvalidFieldException("default_provider_sort", "default_provider_sort must be price, throughput or latency");
            }
            if (defaultTextModel != null && !defaultTextModel.contains("/")) {
                throw new InvalidFieldException("default_text_model", "default_text_model must be a model id like openai/gpt-4o-mini");
            }
            return new CreateWorkspaceCommand(organizationId, InvalidFieldException.requireText("name", name, 200),
                    Commands.slug(slug), defaultTextModel, defaultProviderSort);
        }
    }
}
