package dev.atrium.billing.application.port.out;

import dev.atrium.billing.domain.KnownWorkspace;
import java.util.Collection;
import java.util.Optional;

/** Which organization each workspace belongs to; the first organization learned for an id stays. */
public interface WorkspaceDirectory {

    void learn(Collection<KnownWorkspace> workspaces);

    Optional<KnownWorkspace> workspace(String workspaceId);
}
