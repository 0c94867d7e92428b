package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.AuditEntry;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.UserProfile;
import dev.atrium.workspace.domain.Workspace;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON the management API reads and writes (snake_case by the shared settings). */
final class Dtos {

    private Dtos() {
    }

    /** Every listing: {@code {"data":[...],"next_cursor":...}}, the cursor null on the last page. */
    record ListView<T>(List<T> data, String nextCursor) {
        static <D, T> ListView<T> of(Page<D> page, Function<D, T> view) {
            return new ListView<>(page.data().stream().map(view).toList(), page.nextCursor());
        }
    }

    record CreateOrganization(String name, String slug) {
    }

    record OrganizationView(String id, String name, String slug, Instant createdAt) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id(), o.name(), o.slug().value(), o.createdAt());
        }
    }

    record OrganizationRoles(List<String> roles) {
    }

    /** {@code email}, {@code first_name}, {@code last_name}: Keycloak's, null when unknown there. */
    record OrganizationMemberView(String organizationId, String userId, List<String> roles, String email,
            String firstName, String lastName) {
        OrganizationMemberView(String organizationId, String userId, List<String> roles, UserProfile p) {
            this(organizationId, userId, roles, p.email(), p.firstName(), p.lastName());
        }
    }

    record WorkspaceRole(String role) {
    }

    record WorkspaceMemberView(String workspaceId, String userId, String role, String email, String firstName,
            String lastName) {
        WorkspaceMemberView(String workspaceId, String userId, String role, UserProfile p) {
            this(workspaceId, userId, role, p.email(), p.firstName(), p.lastName());
        }
    }

    record CreateWorkspace(String name, String slug, String defaultTextModel, String defaultProviderSort) {
    }

    record WorkspaceView(String id, String organizationId, String name, String slug, String defaultTextModel,
            String defaultProviderSort, boolean archived, long settingsRevision, Instant createdAt) {
        static WorkspaceView of(Workspace w) {
            return new WorkspaceView(w.id(), w.organizationId(), w.name(), w.slug().value(), w.defaultTextModel(),
                    w.defaultProviderSort(), w.archived(), w.settingsRevision(), w.createdAt());
        }
    }

    record CreateApiKey(String name, BigDecimal limit, String limitReset, Boolean includeByokInLimit,
            Instant expiresAt, String ownerUserId) {
    }

    /** {@code grace_seconds}: how long the previous secret keeps working; 0 (default) = not at all. */
    record RotateApiKey(Long graceSeconds) {
    }

    /**
     * {@code key} is set only in the answers to creation and rotation; {@code previous_valid_until}
     * says until when the secret before the last rotation still works; {@code owner_removed_at}, when
     * set, says the key stopped for good then because its owner left the workspace or was deleted.
     */
    record ApiKeyView(String id, String key, String name, String prefix, String last4, String workspaceId,
            String ownerUserId, BigDecimal limit, String limitReset, boolean includeByokInLimit, Instant expiresAt,
            boolean disabled, Instant createdAt, Instant previousValidUntil, Instant ownerRemovedAt) {
        static ApiKeyView of(ApiKey k, String secret) {
            return new ApiKeyView(k.id(), secret, k.name(), k.prefix(), k.last4(), k.workspaceId(), k.ownerUserId(),
                    k.limit(), k.limitReset() == null ? null : k.limitReset().wire(), k.includeByokInLimit(),
                    k.expiresAt(), k.disabled(), k.createdAt(), k.previousValidUntil(), k.ownerRemovedAt());
        }

        static ApiKeyView of(ApiKey k) {
            return of(k, null);
        }
    }

    record AuditView(long id, String organizationId, String workspaceId, String actor, String action,
            String targetType, String targetId, Map<String, Object> before, Map<String, Object> after,
            Instant occurredAt) {
        static AuditView of(AuditEntry a) {
            return new AuditView(a.id(), a.organizationId(), a.workspaceId(), a.actor(), a.action(), a.targetType(),
                    a.targetId(), a.before(), a.after(), a.occurredAt());
        }
    }
}
