package dev.atrium.gateway.application.port.out;

import dev.atrium.workspace.api.PresetDefinition;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** What a workspace configured that the key's context only names: preset contents and BYOK secrets. */
public interface WorkspaceSettingsReader {

    /** {@code reference}: {@code slug@N}; empty when the workspace has no such preset version. */
    Uni<Optional<PresetDefinition>> preset(String workspaceId, String reference);

    /**
     * The workspace's own key for the provider; empty when it has none (deleted since the key's
     * context was read). {@code settingsRevision} versions the answer, so it may be kept until it changes.
     */
    Uni<Optional<String>> byokKey(String workspaceId, String provider, long settingsRevision);
}
