package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Workspace;
import java.math.BigDecimal;
import java.time.Instant;

/** The JSON the management API reads and writes (snake_case by the shared settings). */
final class Dtos {

    private Dtos() {
    }

    record CreateOrganization(String name, String slug) {
    }

    record OrganizationView(String id, String name, String slug, Instant createdAt) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id(), o.name(), o.slug().value(), o.createdAt());
        }
    }

    record CreateWorkspace(String name, String slug, String defaultTextModel, String defaultProviderSort) {
    }

    record WorkspaceView(String id, String organizationId, String name, String slug, String defaultTextModel,
            String defaultProviderSort, boolean archived, Instant createdAt) {
        static WorkspaceView of(Workspace w) {
            return new WorkspaceView(w.id(), w.organizationId(), w.name(), w.slug().value(), w.defaultTextModel(),
                    w.defaultProviderSort(), w.archived(), w.createdAt());
        }
    }

    record CreateApiKey(String name, BigDecimal limit, String limitReset, Boolean includeByokInLimit,
            Instant expiresAt, String ownerUserId) {
    }

    /** {@code key} is set only in the answer to the creation. */
    record ApiKeyView(String id, String key, String name, String prefix, String last4, String workspaceId,
            String ownerUserId, BigDecimal limit, String limitReset, boolean includeByokInLimit, Instant expiresAt,
            boolean disabled, Instant createdAt) {
        static ApiKeyView of(ApiKey k, String secret) {
            return new ApiKeyView(k.id(), secret, k.name(), k.prefix(), k.last4(), k.workspaceId(), k.ownerUserId(),
                    k.limit(), k.limitReset() == null ? null : k.limitReset().wire(), k.includeByokInLimit(),
                    k.expiresAt(), k.disabled(), k.createdAt());
        }
    }
}
