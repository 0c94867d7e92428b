package dev.atrium.gateway.application.port.out;

import dev.atrium.workspace.api.ObservabilityTargets;
import io.smallrye.mutiny.Uni;

/** The workspace's observability destinations with their headers (secrets), which the key's context leaves out. */
public interface ObservabilityTargetsReader {

    /** {@code settingsRevision} versions the answer, so it may be kept until the workspace's settings change. */
    Uni<ObservabilityTargets> observabilityTargets(String workspaceId, long settingsRevision);
}
