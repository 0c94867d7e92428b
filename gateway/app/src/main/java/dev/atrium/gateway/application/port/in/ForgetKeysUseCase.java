package dev.atrium.gateway.application.port.in;

/** Workspace events that make what the gateway knows of a key or a workspace stale. */
public interface ForgetKeysUseCase {

    void keyChanged(String keyId);

    void workspaceChanged(String workspaceId);
}
