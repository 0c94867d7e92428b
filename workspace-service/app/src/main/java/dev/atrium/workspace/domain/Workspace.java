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

    public Workspace withDetails(String name, String defaultTextModel, String defaultProviderSort) {
        return new Workspace(id, organizationId, name, slug, defaultTextModel, defaultProviderSort, archived,
                settingsRevision, createdAt);
    }

    public Workspace archivedNow() {
        return new Workspace(id, organizationId, name, slug, defaultTextModel, defaultProviderSort, true,
                settingsRevision, createdAt);
    }

    public Workspace withRevision(long revision) {
        return new Workspace(id, organizationId, name, slug, defaultTextModel, defaultProviderSort, archived,
                revision, createdAt);
    }
}
