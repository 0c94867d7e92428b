package dev.atrium.routing.application.port.in;

import dev.atrium.routing.domain.KnownWorkspace;
import dev.atrium.routing.domain.WorkspaceRouting;
import java.util.Optional;

public interface WorkspaceRoutingQuery {

    /** The workspace as learned from workspace events; empty when unknown. */
    Optional<KnownWorkspace> workspace(String workspaceId);

    /** The workspace's routing defaults; empty layer when none were set. */
    WorkspaceRouting routing(String workspaceId);
}
