package dev.atrium.workspace.domain;

import java.time.Instant;
import java.util.List;

/** A workspace's own key for a provider, kept sealed; {@code last4} is all a reader ever sees of it. */
public record ByokCredential(String workspaceId, String provider, SecretBox.Sealed secret, String last4,
        boolean isFallback, List<String> allowedModels, Instant createdAt, Instant updatedAt) {

    public ByokCredential {
        allowedModels = List.copyOf(allowedModels);
    }

    /** Binds the ciphertext to this workspace and provider. */
    public static String associatedData(String workspaceId, String provider) {
        return "byok/" + workspaceId + "/" + provider;
    }

    public static String last4(String secret) {
        return secret.length() <= 4 ? "" : secret.substring(secret.length() - 4);
    }
}
