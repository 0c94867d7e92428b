package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.application.port.out.PolicyRepository;
import dev.atrium.guardrail.domain.Level;
import dev.atrium.guardrail.domain.PolicyRevision;
import dev.atrium.guardrail.domain.PolicyScope;
import dev.atrium.guardrail.domain.StoredPolicy;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
class PolicyPersistenceAdapter implements PolicyRepository {

    private final PolicyJson json;

    PolicyPersistenceAdapter(PolicyJson json) {
        this.json = json;
    }

    @Override
    public Optional<StoredPolicy> find(PolicyScope scope) {
        return PolicyEntity.<PolicyEntity>findByIdOptional(key(scope)).map(this::toDomain);
    }

    @Override
    public Optional<StoredPolicy> findForUpdate(PolicyScope scope) {
        return PolicyEntity.<PolicyEntity>findByIdOptional(key(scope), LockModeType.PESSIMISTIC_WRITE)
                .map(this::toDomain);
    }

    @Override
    public void save(PolicyRevision revision) {
        PolicyEntity policy = PolicyEntity.<PolicyEntity>findByIdOptional(key(revision.scope())).orElseGet(() -> {
            PolicyEntity e = new PolicyEntity();
            e.level = revision.scope().level().wire();
            e.scopeId = revision.scope().id();
            return e;
        });
        policy.document = json.write(revision.document());
        policy.revision = revision.number();
        policy.updatedAt = revision.createdAt();
        policy.updatedBy = revision.createdBy();
        policy.persist();

        PolicyRevisionEntity row = new PolicyRevisionEntity();
        row.level = policy.level;
        row.scopeId = policy.scopeId;
        row.revision = revision.number();
        row.document = policy.document;
        row.changes = json.write(revision.changes());
        row.createdAt = revision.createdAt();
        row.createdBy = revision.createdBy();
        row.persist();
    }

    @Override
    public RevisionPage revisions(List<PolicyScope> scopes, String cursor, int limit) {
        Parameters params = new Parameters();
        List<String> anyScope = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            anyScope.add("(level = :level" + i + " and scopeId = :scope" + i + ")");
            params.and("level" + i, scopes.get(i).level().wire()).and("scope" + i, scopes.get(i).id());
        }
        String query = "(" + String.join(" or ", anyScope) + ")";
        if (cursor != null) {
            query += " and id < :before";
            params.and("before", parseCursor(cursor));
        }
        List<PolicyRevisionEntity> rows = PolicyRevisionEntity.<PolicyRevisionEntity>find(
                query + " order by id desc", params).page(Page.ofSize(limit + 1)).list();
        boolean more = rows.size() > limit;
        List<PolicyRevisionEntity> page = more ? rows.subList(0, limit) : rows;
        return new RevisionPage(page.stream().map(this::toDomain).toList(),
                more ? String.valueOf(page.get(page.size() - 1).id) : null);
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("cursor", "cursor must be a next_cursor this API returned");
        }
    }

    private static PolicyEntity.Key key(PolicyScope scope) {
        return new PolicyEntity.Key(scope.level().wire(), scope.id());
    }

    private static PolicyScope scope(String level, String id) {
        return new PolicyScope(Level.valueOf(level.toUpperCase(Locale.ROOT)), id);
    }

    private StoredPolicy toDomain(PolicyEntity e) {
        return new StoredPolicy(scope(e.level, e.scopeId), json.readDocument(e.document), e.revision, e.updatedAt,
                e.updatedBy);
    }

    private PolicyRevision toDomain(PolicyRevisionEntity e) {
        return new PolicyRevision(scope(e.level, e.scopeId), e.revision, json.readDocument(e.document),
                json.readChanges(e.changes), e.createdAt, e.createdBy);
    }
}
