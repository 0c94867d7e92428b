package dev.atrium.workspace.api;

import java.math.BigDecimal;
import java.time.Instant;

/** Topic, CloudEvents types and payloads workspace-service publishes, keyed by organization id. */
public final class WorkspaceEvents {

    public static final String TOPIC = "atrium.workspace.events";
    public static final String SOURCE = "/atrium/workspace-service";
    public static final String ORGANIZATION_CREATED = "dev.atrium.workspace.organization.created.v1";
    public static final String ORGANIZATION_UPDATED = "dev.atrium.workspace.organization.updated.v1";
    public static final String WORKSPACE_CREATED = "dev.atrium.workspace.workspace.created.v1";
    public static final String WORKSPACE_UPDATED = "dev.atrium.workspace.workspace.updated.v1";
    public static final String WORKSPACE_ARCHIVED = "dev.atrium.workspace.workspace.archived.v1";
    public static final String WORKSPACE_SETTINGS_CHANGED = "dev.atrium.workspace.workspace.settings-changed.v1";
    public static final String API_KEY_CREATED = "dev.atrium.workspace.api-key.created.v1";
    public static final String API_KEY_UPDATED = "dev.atrium.workspace.api-key.updated.v1";
    public static final String API_KEY_ROTATED = "dev.atrium.workspace.api-key.rotated.v1";
    public static final String API_KEY_REVOKED = "dev.atrium.workspace.api-key.revoked.v1";
    public static final String API_KEY_OWNER_REMOVED = "dev.atrium.workspace.api-key.owner-removed.v1";

    private WorkspaceEvents() {
    }

    public record OrganizationCreated(String organizationId, String name, String slug, Instant createdAt) {
    }

    public record OrganizationUpdated(String organizationId, String name, String slug, Instant updatedAt) {
    }

    public record WorkspaceCreated(String workspaceId, String organizationId, String name, String slug,
            Instant createdAt) {
    }

    public record WorkspaceUpdated(String workspaceId, String organizationId, String name, String slug,
            String defaultTextModel, String defaultProviderSort, long settingsRevision, Instant updatedAt) {
    }

    /** From now on the workspace's keys no longer resolve. */
    public record WorkspaceArchived(String workspaceId, String organizationId, long settingsRevision,
            Instant archivedAt) {
    }

    /** {@code section}: byok, presets, plugins or observability. Never carries a secret. */
    public record WorkspaceSettingsChanged(String workspaceId, String organizationId, String section,
            long settingsRevision, Instant changedAt) {
    }

    public record ApiKeyCreated(String keyId, String workspaceId, String organizationId, String ownerUserId,
            String name, BigDecimal limit, String limitReset, boolean includeByokInLimit, Instant expiresAt,
            Instant createdAt) {
    }

    /** The key's state after a PATCH: limits, name, expiry and whether it is disabled. */
    public record ApiKeyUpdated(String keyId, String workspaceId, String organizationId, String ownerUserId,
            String name, BigDecimal limit, String limitReset, boolean includeByokInLimit, Instant expiresAt,
            boolean disabled, Instant updatedAt) {
    }

    /** A new secret; the previous one still resolves until {@code previousValidUntil} (null: not at all). */
    public record ApiKeyRotated(String keyId, String workspaceId, String organizationId, Instant previousValidUntil,
            Instant rotatedAt) {
    }

    public record ApiKeyRevoked(String keyId, String workspaceId, String organizationId, Instant revokedAt) {
    }

    /**
     * The key's owner is no longer a member of its workspace (nor an admin of its organization), or was
     * deleted from the directory: from now on the key never resolves again.
     */
    public record ApiKeyOwnerRemoved(String keyId, String workspaceId, String organizationId, String ownerUserId,
            Instant removedAt) {
    }
}
