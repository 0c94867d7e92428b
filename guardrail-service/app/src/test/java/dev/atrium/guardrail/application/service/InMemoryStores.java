package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.out.PolicyEventPublisher;
import dev.atrium.guardrail.application.port.out.PolicyRepository;
import dev.atrium.guardrail.application.port.out.ProcessedEvents;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.application.port.out.UsageRepository;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import dev.atrium.guardrail.domain.policy.PolicyRevision;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.budget.SpendWindows;
import dev.atrium.guardrail.domain.budget.SpendSplit;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import dev.atrium.guardrail.domain.budget.UsageEntry;
import dev.atrium.guardrail.domain.budget.WindowSums;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** In-memory fakes of the out-ports, for use-case tests. */
class InMemoryStores implements PolicyRepository, PolicyEventPublisher, TenancyRepository, ProcessedEvents,
        UsageRepository {

    /** A published policy change: the tenant it was keyed by and the revision. */
    record Published(String organizationId, String workspaceId, PolicyRevision revision) {
    }


    final Map<PolicyScope, StoredPolicy> policies = new HashMap<>();
    final List<PolicyRevision> revisions = new ArrayList<>();
    final Map<String, KnownWorkspace> workspaces = new HashMap<>();
    final Map<String, KnownKey> keys = new HashMap<>();
    final Map<String, String> processed = new LinkedHashMap<>();
    final Map<String, UsageEntry> usage = new LinkedHashMap<>();
    final List<Published> published = new ArrayList<>();

    @Override
    public Optional<StoredPolicy> find(PolicyScope scope) {
        return Optional.ofNullable(policies.get(scope));
    }

    @Override
    public List<StoredPolicy> findAll(List<PolicyScope> scopes) {
        return scopes.stream().map(s -> find(s).orElseGet(() -> StoredPolicy.none(s))).toList();
    }

    @Override
    public Optional<StoredPolicy> findForUpdate(PolicyScope scope) {
        return find(scope);
    }

    @Override
    public void save(PolicyRevision revision) {
        policies.put(revision.scope(), revision.asStored());
        revisions.add(revision);
    }

    @Override
    public void policyChanged(String organizationId, String workspaceId, PolicyRevision revision) {
        published.add(new Published(organizationId, workspaceId, revision));
    }

    @Override
    public RevisionPage revisions(List<PolicyScope> scopes, String cursor, int limit) {
        int end = cursor == null ? revisions.size() : Integer.parseInt(cursor);
        List<PolicyRevision> page = new ArrayList<>();
        int i = end - 1;
        for (; i >= 0 && page.size() < limit; i--) {
            if (scopes.contains(revisions.get(i).scope())) {
                page.add(revisions.get(i));
            }
        }
        return new RevisionPage(page, i >= 0 ? String.valueOf(i + 1) : null);
    }

    @Override
    public void saveWorkspace(KnownWorkspace workspace) {
        workspaces.put(workspace.id(), workspace);
    }

    @Override
    public void saveKey(KnownKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public Optional<KnownWorkspace> findWorkspace(String workspaceId) {
        return Optional.ofNullable(workspaces.get(workspaceId));
    }

    @Override
    public Optional<KnownKey> findKey(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public Map<String, KnownKey> findKeys(Collection<String> keyIds) {
        Map<String, KnownKey> found = new HashMap<>();
        keyIds.stream().filter(keys::containsKey).forEach(id -> found.put(id, keys.get(id)));
        return found;
    }

    @Override
    public boolean markProcessed(String eventId, String type, Instant at) {
        return processed.putIfAbsent(eventId, type) == null;
    }

    @Override
    public Set<String> addAll(Collection<UsageEntry> entries) {
        Set<String> added = new HashSet<>();
        entries.stream().filter(e -> usage.putIfAbsent(e.generationId(), e) == null)
                .forEach(e -> added.add(e.generationId()));
        return added;
    }

    @Override
    public Map<String, SpendSplit> sums(Collection<String> keyIds, SpendWindows windows) {
        Map<String, SpendSplit> sums = new HashMap<>();
        for (String keyId : keyIds) {
            if (usage.values().stream().anyMatch(e -> e.keyId().equals(keyId))) {
                sums.put(keyId, new SpendSplit(sums(keyId, windows, e -> true), sums(keyId, windows, UsageEntry::byok)));
            }
        }
        return sums;
    }

    private WindowSums sums(String keyId, SpendWindows windows, Predicate<UsageEntry> which) {
        return new WindowSums(sum(keyId, which, e -> true),
                sum(keyId, which, e -> !e.createdAt().isBefore(windows.dayStart())),
                sum(keyId, which, e -> !e.createdAt().isBefore(windows.weekStart())),
                sum(keyId, which, e -> !e.createdAt().isBefore(windows.monthStart())));
    }

    private BigDecimal sum(String keyId, Predicate<UsageEntry> which, Predicate<UsageEntry> inWindow) {
        return usage.values().stream().filter(e -> e.keyId().equals(keyId) && which.test(e))
                .filter(inWindow).map(UsageEntry::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
