package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.application.port.out.PolicyRepository;
import dev.atrium.guardrail.domain.policy.Level;
import dev.atrium.guardrail.domain.policy.PolicyRevision;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
class PolicyPersistenceAdapter implements PolicyRepository {

    /** Past this many, the parsed documents are dropped and parsed again as checks need them. */
    static final int MAX_PARSED = 10_000;

    private final PolicyJson json;
    private final Jdbc jdbc;
    /**
     * Each scope's policy as last parsed, reused while its row's revision is the same: every read
     * still asks the database for the revision in force, so a write on any instance counts at once.
     */
    private final Map<PolicyScope, StoredPolicy> parsed = new ConcurrentHashMap<>();

    PolicyPersistenceAdapter(PolicyJson json, Jdbc jdbc) {
        this.json = json;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredPolicy> find(PolicyScope scope) {
        return PolicyEntity.<PolicyEntity>findByIdOptional(key(scope)).map(this::toDomain);
    }

    @Override
    public List<StoredPolicy> findAll(List<PolicyScope> scopes) {
        StringBuilder sql = new StringBuilder(
                "SELECT level, scope_id, revision, updated_at, updated_by, document FROM policy WHERE (level, scope_id) IN (");
        Object[] params = new Object[scopes.size() * 2];
        for (int i = 0; i < scopes.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
            params[2 * i] = scopes.get(i).level().wire();
            params[2 * i + 1] = scopes.get(i).id();
        }
        sql.append(')');
        Map<PolicyScope, StoredPolicy> found = new HashMap<>();
        for (StoredPolicy policy : jdbc.query(sql.toString(), this::fromRow, params)) {
            found.put(policy.scope(), policy);
        }
        return scopes.stream().map(s -> found.getOrDefault(s, StoredPolicy.none(s))).toList();
    }

    /** Parses the document only when this revision (and write time) of the scope was not parsed before. */
    private StoredPolicy fromRow(ResultSet rs) throws SQLException {
        PolicyScope scope = scope(rs.getString("level"), rs.getString("scope_id"));
        long revision = rs.getLong("revision");
        Instant updatedAt = Jdbc.instant(rs, "updated_at");
        StoredPolicy known = parsed.get(scope);
        if (known != null && known.revision() == revision && updatedAt.equals(known.updatedAt())) {
            return known;
        }
        StoredPolicy policy = new StoredPolicy(scope, json.readDocument(rs.getString("document")), revision,
                updatedAt, rs.getString("updated_by"));
        if (parsed.size() >= MAX_PARSED) {
            parsed.clear();
        }
        parsed.put(scope, policy);
        return policy;
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
