package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.Workspace;
import dev.atrium.workspace.domain.WorkspaceSettings;
import java.util.Optional;

public interface ResolveApiKeyUseCase {

    /** The key's context, or empty for an unknown, malformed, disabled, revoked or expired key. */
    Optional<ResolvedKey> resolve(String secret);

    record ResolvedKey(ApiKey key, Workspace workspace, WorkspaceSettings settings) {
    }
}
