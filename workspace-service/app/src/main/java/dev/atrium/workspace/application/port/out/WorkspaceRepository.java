package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.domain.Slug;
import dev.atrium.workspace.domain.Workspace;
import java.util.Optional;

public interface WorkspaceRepository {

    void add(Workspace workspace);

    /** Writes name, defaults, archived flag and revision. */
    void update(Workspace workspace);

    Optional<Workspace> findWorkspace(String id);

    /** Locks the row until the transaction ends, so concurrent changes take revisions one after another. */
    Optional<Workspace> findWorkspaceForUpdate(String id);

    boolean slugTaken(String organizationId, Slug slug);

    Page<Workspace> list(String organizationId, boolean includeArchived, PageRequest page);
}
