package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.domain.Slug;
import dev.atrium.workspace.domain.Workspace;
import java.util.Optional;

public interface WorkspaceRepository {

    void add(Workspace workspace);

    Optional<Workspace> findWorkspace(String id);

    boolean slugTaken(String organizationId, Slug slug);
}
