package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.Workspace;
import dev.atrium.workspace.domain.WorkspaceSettings;
import java.time.Instant;
import java.util.Optional;

public interface ResolveApiKeyUseCase {

    /** The key's context, or empty for an unknown, malformed, disabled, revoked or expired key, or one whose owner
     * was removed. */
    Optional<ResolvedKey> resolve(String secret);

    /** {@code validUntil}: when the presented secret stops working by time alone (null: never). */
    record ResolvedKey(ApiKey key, Workspace workspace, WorkspaceSettings settings, Instant validUntil) {
    }
}
