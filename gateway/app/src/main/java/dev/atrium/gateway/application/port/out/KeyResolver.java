package dev.atrium.gateway.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import dev.atrium.workspace.api.KeyContext;

public interface KeyResolver {

    /** Empty for a key the workspace-service does not know or no longer honours. */
    Uni<Optional<KeyContext>> resolve(String apiKey);

    /**
     * Readies the reading of a known key's context (the warm-up before readiness): the made-up keys the warm-up
     * sends are refused without one, so a client's first key would otherwise pay for it.
     */
    default void warmUp() {
    }

    /** The key changed (disabled, revoked, rotated, new limits): its next use is resolved afresh. */
    void forgetKey(String keyId);

    /** The workspace changed (archived, settings): its keys' next uses are resolved afresh. */
    void forgetWorkspace(String workspaceId);
}
