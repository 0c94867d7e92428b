package dev.atrium.workspace.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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

    /** The payload of each type above: what {@link #decode} reads a record's value into. */
    private static final Map<String, Class<? extends Event>> PAYLOADS = Map.ofEntries(
            Map.entry(ORGANIZATION_CREATED, OrganizationCreated.class),
            Map.entry(ORGANIZATION_UPDATED, OrganizationUpdated.class),
            Map.entry(WORKSPACE_CREATED, WorkspaceCreated.class),
            Map.entry(WORKSPACE_UPDATED, WorkspaceUpdated.class),
            Map.entry(WORKSPACE_ARCHIVED, WorkspaceArchived.class),
            Map.entry(WORKSPACE_SETTINGS_CHANGED, WorkspaceSettingsChanged.class),
            Map.entry(API_KEY_CREATED, ApiKeyCreated.class),
            Map.entry(API_KEY_UPDATED, ApiKeyUpdated.class),
            Map.entry(API_KEY_ROTATED, ApiKeyRotated.class),
            Map.entry(API_KEY_REVOKED, ApiKeyRevoked.class),
            Map.entry(API_KEY_OWNER_REMOVED, ApiKeyOwnerRemoved.class));

    private WorkspaceEvents() {
    }

    /** Every event of the topic names the organization it is keyed by. */
    public sealed interface Event permits WorkspaceChange, KeyChange, OrganizationCreated, OrganizationUpdated {

        String organizationId();
    }

    /** An event about one workspace. */
    public sealed interface WorkspaceChange extends Event
            permits WorkspaceCreated, WorkspaceUpdated, WorkspaceArchived, WorkspaceSettingsChanged {

        String workspaceId();
    }

    /** An event about one API key of a workspace. */
    public sealed interface KeyChange extends Event
            permits ApiKeyCreated, ApiKeyUpdated, ApiKeyRotated, ApiKeyRevoked, ApiKeyOwnerRemoved {

        String keyId();

        String workspaceId();
    }

    /**
     * The event a record of {@link #TOPIC} carries, read by its CloudEvents type ({@code ce_type}) with the
     * consumer's JSON settings (snake_case); empty for a type this version does not know, which a consumer
     * skips. Throws {@link IllegalArgumentException} for a known type whose value is missing or unreadable.
     */
    public static Optional<Event> decode(ObjectMapper json, String type, String value) {
        Class<? extends Event> payload = type == null ? null : PAYLOADS.get(type);
        if (payload == null) {
            return Optional.empty();
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + type + " event has no body");
        }
        try {
            Event event = json.readValue(value, payload);
            if (event == null) {
                throw new IllegalArgumentException("the " + type + " event has no body");
            }
            return Optional.of(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + type + " event: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * What the events of {@link #TOPIC} say of a workspace's existence, for the services that keep their own
     * list of workspaces: a creation or an archiving, read from a record as {@link #decode} reads it; empty for
     * every other type.
     */
    public static Optional<WorkspaceLifecycle> lifecycle(ObjectMapper json, String type, String value) {
        return decode(json, type, value).flatMap(WorkspaceLifecycle::of);
    }

    /** A workspace, the organization that holds it, and whether it is archived (then it stays archived). */
    public record WorkspaceLifecycle(String workspaceId, String organizationId, boolean archived) {

        /** What a creation or an archiving tells; empty for every other event. */
        public static Optional<WorkspaceLifecycle> of(Event event) {
            if (event instanceof WorkspaceCreated e) {
                return Optional.of(new WorkspaceLifecycle(e.workspaceId(), e.organizationId(), false));
            }
            if (event instanceof WorkspaceArchived e) {
                return Optional.of(new WorkspaceLifecycle(e.workspaceId(), e.organizationId(), true));
            }
            return Optional.empty();
        }
    }

    public record OrganizationCreated(String organizationId, String name, String slug, Instant createdAt)
            implements Event {
    }

    public record OrganizationUpdated(String organizationId, String name, String slug, Instant updatedAt)
            implements Event {
    }

    public record WorkspaceCreated(String workspaceId, String organizationId, String name, String slug,
            Instant createdAt) implements WorkspaceChange {
    }

    public record WorkspaceUpdated(String workspaceId, String organizationId, String name, String slug,
            String defaultTextModel, String defaultProviderSort, long settingsRevision, Instant updatedAt)
            implements WorkspaceChange {
    }

    /** From now on the workspace's keys no longer resolve. */
    public record WorkspaceArchived(String workspaceId, String organizationId, long settingsRevision,
            Instant archivedAt) implements WorkspaceChange {
    }

    /** {@code section}: byok, presets, plugins or observability. Never carries a secret. */
    public record WorkspaceSettingsChanged(String workspaceId, String organizationId, String section,
            long settingsRevision, Instant changedAt) implements WorkspaceChange {
    }

    public record ApiKeyCreated(String keyId, String workspaceId, String organizationId, String ownerUserId,
            String name, BigDecimal limit, String limitReset, boolean includeByokInLimit, Instant expiresAt,
            Instant createdAt) implements KeyChange {
    }

    /** The key's state after a PATCH: limits, name, expiry and whether it is disabled. */
    public record ApiKeyUpdated(String keyId, String workspaceId, String organizationId, String ownerUserId,
            String name, BigDecimal limit, String limitReset, boolean includeByokInLimit, Instant expiresAt,
            boolean disabled, Instant updatedAt) implements KeyChange {
    }

    /** A new secret; the previous one still resolves until {@code previousValidUntil} (null: not at all). */
    public record ApiKeyRotated(String keyId, String workspaceId, String organizationId, Instant previousValidUntil,
            Instant rotatedAt) implements KeyChange {
    }

    public record ApiKeyRevoked(String keyId, String workspaceId, String organizationId, Instant revokedAt)
            implements KeyChange {
    }

    /**
     * The key's owner is no longer a member of its workspace (nor an admin of its organization), or was
     * deleted from the directory: from now on the key never resolves again.
     */
    public record ApiKeyOwnerRemoved(String keyId, String workspaceId, String organizationId, String ownerUserId,
            Instant removedAt) implements KeyChange {
    }
}
