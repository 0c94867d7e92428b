package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.Organization;

public interface RenameOrganizationUseCase {

    Organization rename(RenameOrganizationCommand command);

    record RenameOrganizationCommand(String organizationId, String name) {

        public static RenameOrganizationCommand of(String organizationId, String name) {
            return new RenameOrganizationCommand(organizationId, InvalidFieldException.requireText("name", name, 200));
        }
    }
}
