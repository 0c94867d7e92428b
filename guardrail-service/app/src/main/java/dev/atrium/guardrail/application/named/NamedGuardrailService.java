package dev.atrium.guardrail.application.named;

import dev.atrium.common.error.ApiException;
import dev.atrium.guardrail.application.named.NamedGuardrailRepository.Page;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.application.service.LevelPolicies;
import dev.atrium.guardrail.domain.named.KeyAssignment;
import dev.atrium.guardrail.domain.named.MemberAssignment;
import dev.atrium.guardrail.domain.named.NamedGuardrail;
import dev.atrium.guardrail.domain.named.WorkspaceDefault;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Named guardrails of an organization. Every write ends what checks on this instance kept
 * ({@link LevelPolicies#changed()}); other instances forget theirs when it commits (docs/adr/0028).
 */
@ApplicationScoped
public class NamedGuardrailService implements ManageNamedGuardrailsUseCase, FindNamedGuardrailsQuery {

    private final NamedGuardrailRepository guardrails;
    private final TenancyRepository tenancy;
    private final LevelPolicies levels;
    private final Clock clock;

    public NamedGuardrailService(NamedGuardrailRepository guardrails, TenancyRepository tenancy, LevelPolicies levels,
            Clock clock) {
        this.guardrails = guardrails;
        this.tenancy = tenancy;
        this.levels = levels;
        this.clock = clock;
    }

    @Override
    @Transactional
    public NamedGuardrail create(CreateCommand c) {
        if (c.workspaceId() != null) {
            workspaceOf(c.organizationId(), c.workspaceId());
        }
        Instant now = now();
        NamedGuardrail created = new NamedGuardrail(UUID.randomUUID().toString(), c.organizationId(), c.workspaceId(),
                c.name(), c.description(), c.rules(), 1, now, now);
        guardrails.insert(created);
        return created;
    }

    @Override
    @Transactional
    public NamedGuardrail update(String organizationId, String id, UnaryOperator<NamedGuardrail> change) {
        NamedGuardrail current = guardrails.findForUpdate(organizationId, id).orElseThrow(() -> notFound(id));
        NamedGuardrail changed = change.apply(current);
        NamedGuardrail next = current.revise(changed.name(), changed.description(), changed.rules(), now());
        guardrails.update(next);
        levels.changed();
        return next;
    }

    @Override
    @Transactional
    public void delete(String organizationId, String id) {
        if (!guardrails.delete(organizationId, id)) {
            throw notFound(id);
        }
        levels.changed();
    }

    @Override
    @Transactional
    public int assignKeys(BulkCommand c) {
        NamedGuardrail g = existing(c.organizationId(), c.guardrailId());
        Map<String, KnownKey> known = tenancy.findKeys(c.ids());
        for (String keyId : c.ids()) {
            KnownKey key = known.get(keyId);
            if (key == null || !key.organizationId().equals(c.organizationId())) {
                throw ApiException.notFound("Key " + keyId + " not found");
            }
            if (g.workspaceId() != null && !g.workspaceId().equals(key.workspaceId())) {
                throw ApiException.badRequest(c.field(), "Key " + keyId + " is not in the guardrail's workspace "
                        + g.workspaceId());
            }
        }
        int assigned = guardrails.assignKeys(g, c.ids(), c.author(), now());
        levels.changed();
        return assigned;
    }

    @Override
    @Transactional
    public int unassignKeys(BulkCommand c) {
        int unassigned = guardrails.unassignKeys(existing(c.organizationId(), c.guardrailId()), c.ids());
        levels.changed();
        return unassigned;
    }

    @Override
    @Transactional
    public int assignMembers(BulkCommand c) {
        int assigned = guardrails.assignMembers(existing(c.organizationId(), c.guardrailId()), c.ids(), c.author(),
                now());
        levels.changed();
        return assigned;
    }

    @Override
    @Transactional
    public int unassignMembers(BulkCommand c) {
        int unassigned = guardrails.unassignMembers(existing(c.organizationId(), c.guardrailId()), c.ids());
        levels.changed();
        return unassigned;
    }

    @Override
    @Transactional
    public void setDefault(String organizationId, String workspaceId, String guardrailId, String author) {
        if (guardrailId != null) {
            NamedGuardrail g = existing(organizationId, guardrailId);
            if (g.workspaceId() != null && !g.workspaceId().equals(workspaceId)) {
                throw ApiException.badRequest("guardrail_id", "Guardrail " + guardrailId
                        + " belongs to workspace " + g.workspaceId());
            }
        }
        guardrails.setDefault(organizationId, workspaceId, guardrailId, author, now());
        levels.changed();
    }

    @Override
    @Transactional
    public NamedGuardrail guardrail(String organizationId, String id) {
        return existing(organizationId, id);
    }

    @Override
    @Transactional
    public Page<NamedGuardrail> list(String organizationId, String workspaceId, Paging paging) {
        return guardrails.list(organizationId, workspaceId, paging.offset(), paging.limit());
    }

    @Override
    @Transactional
    public Page<KeyAssignment> keyAssignments(String organizationId, String guardrailId, Paging paging) {
        if (guardrailId != null) {
            existing(organizationId, guardrailId);
        }
        return guardrails.keyAssignments(organizationId, guardrailId, paging.offset(), paging.limit());
    }

    @Override
    @Transactional
    public Page<MemberAssignment> memberAssignments(String organizationId, String guardrailId, Paging paging) {
        if (guardrailId != null) {
            existing(organizationId, guardrailId);
        }
        return guardrails.memberAssignments(organizationId, guardrailId, paging.offset(), paging.limit());
    }

    @Override
    @Transactional
    public Optional<String> defaultOf(String workspaceId) {
        return guardrails.defaultOf(workspaceId);
    }

    @Override
    @Transactional
    public List<WorkspaceDefault> defaultsOf(String organizationId, Collection<String> workspaceIds) {
        return workspaceIds.isEmpty() ? List.of() : guardrails.defaultsOf(organizationId, workspaceIds);
    }

    /** To the microsecond, as PostgreSQL keeps it: the create's answer and every later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private KnownWorkspace workspaceOf(String organizationId, String workspaceId) {
        return tenancy.findWorkspace(workspaceId).filter(w -> w.organizationId().equals(organizationId))
                .orElseThrow(() -> ApiException.notFound("Workspace " + workspaceId + " not found"));
    }

    private NamedGuardrail existing(String organizationId, String id) {
        return guardrails.find(organizationId, id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("Guardrail " + id + " not found");
    }
}
