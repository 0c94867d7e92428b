package dev.atrium.routing.application.port.out;

import dev.atrium.routing.domain.WorkspaceRouting;
import java.util.Optional;

public interface WorkspaceRoutingRepository {

    Optional<WorkspaceRouting> routingOf(String workspaceId);

    /** Inserts or overwrites by workspace id. */
    void save(WorkspaceRouting routing);
}
