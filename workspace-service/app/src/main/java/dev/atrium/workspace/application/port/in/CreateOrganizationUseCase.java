package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Slug;

public interface CreateOrganizationUseCase {

    Organization create(CreateOrganizationCommand command);

    record CreateOrganizationCommand(String name, Slug slug) {

        public static CreateOrganizationCommand of(String name, String slug) {
            return new CreateOrganizationCommand(InvalidFieldException.requireText("name", name, 200),
                    Commands.slug(slug));
        }
    }
}
