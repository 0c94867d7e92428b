package dev.atrium.guardrail.application.named;

import dev.atrium.guardrail.domain.named.AppliedGuardrail;
import dev.atrium.guardrail.domain.named.KeyAssignment;
import dev.atrium.guardrail.domain.named.MemberAssignment;
import dev.atrium.guardrail.domain.named.NamedGuardrail;
import dev.atrium.guardrail.domain.named.WorkspaceDefault;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Named guardrails, their assignments and the workspaces' defaults. */
public interface NamedGuardrailRepository {

    void insert(NamedGuardrail guardrail);

    void update(NamedGuardrail guardrail);

    Optional<NamedGuardrail> find(String organizationId, String id);

    /** The same, its row locked until the transaction ends, so concurrent updates apply one after another. */
    Optional<NamedGuardrail> findForUpdate(String organizationId, String id);

    /** Deletes it with its assignments and the defaults naming it; false when there was none. */
    boolean delete(String organizationId, String id);

    /** Oldest first; {@code workspaceId} null lists the whole organization. */
    Page<NamedGuardrail> list(String organizationId, String workspaceId, int offset, int limit);

    /** The keys' guardrail becomes this one; the number whose guardrail changed. */
    int assignKeys(NamedGuardrail guardrail, List<String> keyIds, String assignedBy, Instant at);

    /** The keys that had this guardrail have none; their number. */
    int unassignKeys(NamedGuardrail guardrail, List<String> keyIds);

    int assignMembers(NamedGuardrail guardrail, List<String> userIds, String assignedBy, Instant at);

    int unassignMembers(NamedGuardrail guardrail, List<String> userIds);

    /** {@code guardrailId} null lists the whole organization's. */
    Page<KeyAssignment> keyAssignments(String organizationId, String guardrailId, int offset, int limit);

    Page<MemberAssignment> memberAssignments(String organizationId, String guardrailId, int offset, int limit);

    /** {@code guardrailId} null removes the workspace's default. */
    void setDefault(String organizationId, String workspaceId, String guardrailId, String setBy, Instant at);

    Optional<String> defaultOf(String workspaceId);

    /**
     * The defaults of the workspaces among {@code workspaceIds} known in the organization, in one read (null
     * guardrail for one without a default); a workspace not known there is left out.
     */
    List<WorkspaceDefault> defaultsOf(String organizationId, Collection<String> workspaceIds);

    /**
     * The guardrails that govern a request, in one read: the workspace's default, the owner's (when known)
     * and the key's (when known).
     */
    List<AppliedGuardrail> applying(String organizationId, String workspaceId, String ownerUserId, String keyId);

    record Page<T>(List<T> items, long total) {
    }
}
