package dev.atrium.guardrail.application.named;

import dev.atrium.guardrail.domain.named.AppliedGuardrail;
import dev.atrium.guardrail.domain.named.KeyAssignment;
import dev.atrium.guardrail.domain.named.MemberAssignment;
import dev.atrium.guardrail.domain.named.NamedGuardrail;
import dev.atrium.guardrail.domain.named.WorkspaceDefault;
import dev.atrium.guardrail.domain.policy.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Named guardrails in memory, with the upsert and cascade rules the database has. */
public class InMemoryNamedGuardrails implements NamedGuardrailRepository {

    private final Map<String, NamedGuardrail> guardrails = new LinkedHashMap<>();
    private final Map<String, KeyAssignment> keys = new LinkedHashMap<>();
    private final Map<String, MemberAssignment> members = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();

    @Override
    public void insert(NamedGuardrail guardrail) {
        guardrails.put(guardrail.id(), guardrail);
    }

    @Override
    public void update(NamedGuardrail guardrail) {
        guardrails.put(guardrail.id(), guardrail);
    }

    @Override
    public Optional<NamedGuardrail> find(String organizationId, String id) {
        return Optional.ofNullable(guardrails.get(id)).filter(g -> g.organizationId().equals(organizationId));
    }

    @Override
    public Optional<NamedGuardrail> findForUpdate(String organizationId, String id) {
        return find(organizationId, id);
    }

    @Override
    public boolean delete(String organizationId, String id) {
        if (find(organizationId, id).isEmpty()) {
            return false;
        }
        guardrails.remove(id);
        keys.values().removeIf(a -> a.guardrailId().equals(id));
        members.values().removeIf(a -> a.guardrailId().equals(id));
        defaults.values().removeIf(id::equals);
        return true;
    }

    @Override
    public Page<NamedGuardrail> list(String organizationId, String workspaceId, int offset, int limit) {
        return page(guardrails.values().stream().filter(g -> g.organizationId().equals(organizationId)
                && (workspaceId == null || workspaceId.equals(g.workspaceId()))).toList(), offset, limit);
    }

    @Override
    public int assignKeys(NamedGuardrail g, List<String> keyIds, String assignedBy, Instant at) {
        int changed = 0;
        for (String key : keyIds) {
            KeyAssignment before = keys.get(key);
            if (before == null || !before.guardrailId().equals(g.id())) {
                keys.put(key, new KeyAssignment(UUID.randomUUID().toString(), key, g.id(), assignedBy, at));
                changed++;
            }
        }
        return changed;
    }

    @Override
    public int unassignKeys(NamedGuardrail g, List<String> keyIds) {
        return removeAll(keys, keyIds, a -> a.guardrailId().equals(g.id()));
    }

    @Override
    public int assignMembers(NamedGuardrail g, List<String> userIds, String assignedBy, Instant at) {
        int changed = 0;
        for (String user : userIds) {
            String id = g.organizationId() + "/" + user;
            MemberAssignment before = members.get(id);
            if (before == null || !before.guardrailId().equals(g.id())) {
                members.put(id, new MemberAssignment(UUID.randomUUID().toString(), g.organizationId(), user, g.id(),
                        assignedBy, at));
                changed++;
            }
        }
        return changed;
    }

    @Override
    public int unassignMembers(NamedGuardrail g, List<String> userIds) {
        return removeAll(members, userIds.stream().map(u -> g.organizationId() + "/" + u).toList(),
                a -> a.guardrailId().equals(g.id()));
    }

    @Override
    public Page<KeyAssignment> keyAssignments(String organizationId, String guardrailId, int offset, int limit) {
        return page(keys.values().stream().filter(a -> guardrails.get(a.guardrailId()).organizationId()
                .equals(organizationId) && (guardrailId == null || guardrailId.equals(a.guardrailId()))).toList(),
                offset, limit);
    }

    @Override
    public Page<MemberAssignment> memberAssignments(String organizationId, String guardrailId, int offset,
            int limit) {
        return page(members.values().stream().filter(a -> a.organizationId().equals(organizationId)
                && (guardrailId == null || guardrailId.equals(a.guardrailId()))).toList(), offset, limit);
    }

    @Override
    public void setDefault(String organizationId, String workspaceId, String guardrailId, String setBy,
            Instant at) {
        if (guardrailId == null) {
            defaults.remove(workspaceId);
        } else {
            defaults.put(workspaceId, guardrailId);
        }
    }

    @Override
    public Optional<String> defaultOf(String workspaceId) {
        return Optional.ofNullable(defaults.get(workspaceId));
    }

    /** Knows no workspace events: a workspace counts as known once it has a default of the organization's. */
    @Override
    public List<WorkspaceDefault> defaultsOf(String organizationId, Collection<String> workspaceIds) {
        return workspaceIds.stream().sorted().distinct().filter(defaults::containsKey)
                .filter(ws -> guardrails.get(defaults.get(ws)).organizationId().equals(organizationId))
                .map(ws -> new WorkspaceDefault(ws, defaults.get(ws))).toList();
    }

    @Override
    public List<AppliedGuardrail> applying(String organizationId, String workspaceId, String ownerUserId,
            String keyId) {
        List<AppliedGuardrail> applied = new ArrayList<>();
        Optional.ofNullable(defaults.get(workspaceId)).map(guardrails::get)
                .ifPresent(g -> applied.add(AppliedGuardrail.of(g, Level.WORKSPACE)));
        Optional.ofNullable(members.get(organizationId + "/" + ownerUserId)).map(a -> guardrails.get(a.guardrailId()))
                .ifPresent(g -> applied.add(AppliedGuardrail.of(g, Level.MEMBER)));
        Optional.ofNullable(keyId).map(keys::get).map(a -> guardrails.get(a.guardrailId()))
                .ifPresent(g -> applied.add(AppliedGuardrail.of(g, Level.KEY)));
        // The database answers in no particular order: so does this fake, the merge must not care.
        applied.sort(Comparator.comparing((AppliedGuardrail a) -> a.appliedAt().ordinal()).reversed());
        return applied.stream().filter(a -> Objects.equals(a.guardrail().organizationId(), organizationId)).toList();
    }

    private static <T> int removeAll(Map<String, T> map, List<String> ids, Predicate<T> ofThisGuardrail) {
        int removed = 0;
        for (String id : ids) {
            T found = map.get(id);
            if (found != null && ofThisGuardrail.test(found)) {
                map.remove(id);
                removed++;
            }
        }
        return removed;
    }

    private static <T> Page<T> page(List<T> all, int offset, int limit) {
        return new Page<>(all.stream().skip(offset).limit(limit).toList(), all.size());
    }
}
