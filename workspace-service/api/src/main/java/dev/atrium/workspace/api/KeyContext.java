package dev.atrium.workspace.api;

import java.math.BigDecimal;

/** What the gateway needs to know about a valid key: never the secret or its hash. */
public record KeyContext(
        String keyId,
        String keyName,
        String ownerUserId,
        BigDecimal limit,
        String limitReset,
        boolean includeByokInLimit,
        String workspaceId,
        String workspaceSlug,
        String organizationId,
        String defaultTextModel,
        String defaultProviderSort,
        long settingsRevision) {
}
