package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.Workspace;
import java.util.Optional;

public interface ResolveApiKeyUseCase {

    /** The key's context, or empty for an unknown, malformed, disabled or expired key. */
    Optional<ResolvedKey> resolve(String secret);

    record ResolvedKey(ApiKey key, Workspace workspace) {
    }
}
