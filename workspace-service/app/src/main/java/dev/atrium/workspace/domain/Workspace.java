package dev.atrium.workspace.domain;

import java.time.Instant;

public record Workspace(
        String id,
        String organizationId,
        String name,
        Slug slug,
        String defaultTextModel,
        String defaultProviderSort,
        boolean archived,
        long settingsRevision,
        Instant createdAt) {
}
