package dev.atrium.workspace.application.port.in;

public interface RevokeApiKeyUseCase {

    /** The key stops resolving at once; it disappears from listings. */
    void revoke(String workspaceId, String keyId);
}
