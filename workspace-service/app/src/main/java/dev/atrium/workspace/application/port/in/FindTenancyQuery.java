package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import java.util.Optional;

/** Reads for authorization and display. */
public interface FindTenancyQuery {

    Optional<Organization> organization(String organizationId);

    Optional<Workspace> workspace(String workspaceId);

    /** Oldest first; archived ones only when asked. */
    Page<Workspace> workspaces(String organizationId, boolean includeArchived, PageRequest page);
}
