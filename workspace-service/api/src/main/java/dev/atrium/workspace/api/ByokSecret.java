package dev.atrium.workspace.api;

import java.util.List;

/** {@code GET /internal/v1/workspaces/{ws}/byok/{provider}}: the decrypted key, for the gateway only. */
public record ByokSecret(String workspaceId, String provider, String key, boolean isFallback,
        List<String> allowedModels) {

    @Override
    public String toString() {
        return "ByokSecret[" + workspaceId + "/" + provider + "]";
    }
}
