package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.ApiKey;

/** Keys of a workspace as listings show them (revoked keys are gone). */
public interface ApiKeyQuery {

    Page<ApiKey> list(String workspaceId, PageRequest page);

    ApiKey get(String workspaceId, String keyId);
}
