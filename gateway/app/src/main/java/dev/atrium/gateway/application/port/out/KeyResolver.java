package dev.atrium.gateway.application.port.out;

import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

public interface KeyResolver {

    /** Empty for a key the workspace-service does not know or no longer honours. */
    Uni<Optional<KeyContext>> resolve(String apiKey);
}
