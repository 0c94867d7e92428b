package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.KnownWorkspace;
import java.util.Optional;

public interface FindWorkspaceQuery {

    /** Empty until billing has seen a usage record or a creation event of the workspace. */
    Optional<KnownWorkspace> workspace(String workspaceId);
}
