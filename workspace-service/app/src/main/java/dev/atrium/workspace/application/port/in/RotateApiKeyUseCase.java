package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssuedApiKey;
import java.time.Duration;

public interface RotateApiKeyUseCase {

    /** A new secret, returned only here; the previous one keeps working for the grace period. */
    IssuedApiKey rotate(RotateApiKeyCommand command);

    /** {@code grace}: 0 (the default) invalidates the previous secret at once; at most 7 days. */
    record RotateApiKeyCommand(String workspaceId, String keyId, Duration grace) {

        public static final long MAX_GRACE_SECONDS = 7 * 24 * 3600;

        public static RotateApiKeyCommand of(String workspaceId, String keyId, Long graceSeconds) {
            long grace = graceSeconds == null ? 0 : graceSeconds;
            if (grace < 0 || grace > MAX_GRACE_SECONDS) {
                throw new InvalidFieldException("grace_seconds",
                        "grace_seconds must be between 0 and " + MAX_GRACE_SECONDS);
            }
            return new RotateApiKeyCommand(workspaceId, keyId, Duration.ofSeconds(grace));
        }
    }
}
