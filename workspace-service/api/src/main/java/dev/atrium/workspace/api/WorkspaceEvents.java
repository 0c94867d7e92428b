package dev.atrium.workspace.api;

import java.math.BigDecimal;
import java.time.Instant;

/** Topic, CloudEvents types and payloads workspace-service publishes, keyed by organization id. */
public final class WorkspaceEvents {

    public static final String TOPIC = "atrium.workspace.events";
    public static final String SOURCE = "/atrium/workspace-service";
    public static final String ORGANIZATION_CREATED = "dev.atrium.workspace.organization.created.v1";
    public static final String WORKSPACE_CREATED = "dev.atrium.workspace.workspace.created.v1";
    public static final String API_KEY_CREATED = "dev.atrium.workspace.api-key.created.v1";

    private WorkspaceEvents() {
    }

    public record OrganizationCreated(String organizationId, String name, String slug, Instant createdAt) {
    }

    public record WorkspaceCreated(String workspaceId, String organizationId, String name, String slug,
            Instant createdAt) {
    }

    public record ApiKeyCreated(String keyId, String workspaceId, String organizationId, String ownerUserId,
            String name, BigDecimal limit, String limitReset, boolean includeByokInLimit, Instant expiresAt,
            Instant createdAt) {
    }
}
