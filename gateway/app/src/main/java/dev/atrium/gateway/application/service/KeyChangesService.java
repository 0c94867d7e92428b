package dev.atrium.gateway.application.service;

import dev.atrium.gateway.application.port.in.ForgetKeysUseCase;
import dev.atrium.gateway.application.port.out.KeyResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A revoked, disabled or rotated key, or an archived workspace, stops resolving from memory at once, and what
 * was admitted ahead for it is released.
 */
@ApplicationScoped
public class KeyChangesService implements ForgetKeysUseCase {

    private final KeyResolver keys;
    private final Admission admission;

    public KeyChangesService(KeyResolver keys, Admission admission) {
        this.keys = keys;
        this.admission = admission;
    }

    @Override
    public void keyChanged(String keyId) {
        keys.forgetKey(keyId);
        admission.keyChanged(keyId);
    }

    @Override
    public void workspaceChanged(String workspaceId) {
        keys.forgetWorkspace(workspaceId);
        admission.workspaceChanged(workspaceId);
    }
}
