package dev.atrium.routing.application.port.out;

import dev.atrium.routing.domain.KnownWorkspace;
import java.util.Optional;

/** The workspaces learned from workspace events. */
public interface WorkspaceDirectory {

    Optional<KnownWorkspace> find(String workspaceId);

    /** Inserts or overwrites by id. */
    void save(KnownWorkspace workspace);
}
