package dev.atrium.gateway.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import dev.atrium.workspace.api.KeyContext;

public interface KeyResolver {

    /** Empty for a key the workspace-service does not know or no longer honours. */
    Uni<Optional<KeyContext>> resolve(String apiKey);

    /** The key changed (disabled, revoked, rotated, new limits): its next use is resolved afresh. */
    void forgetKey(String keyId);

    /** The workspace changed (archived, settings): its keys' next uses are resolved afresh. */
    void forgetWorkspace(String workspaceId);
}
