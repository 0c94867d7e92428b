package dev.atrium.gateway.application.service;

import dev.atrium.gateway.application.port.in.ForgetKeysUseCase;
import dev.atrium.gateway.application.port.out.KeyResolver;
import jakarta.enterprise.context.ApplicationScoped;

/** A revoked, disabled or rotated key, or an archived workspace, stops resolving from memory at once. */
@ApplicationScoped
public class KeyChangesService implements ForgetKeysUseCase {

    private final KeyResolver keys;

    public KeyChangesService(KeyResolver keys) {
        this.keys = keys;
    }

    @Override
    public void keyChanged(String keyId) {
        keys.forgetKey(keyId);
    }

    @Override
    public void workspaceChanged(String workspaceId) {
        keys.forgetWorkspace(workspaceId);
    }
}
