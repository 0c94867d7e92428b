package dev.atrium.billing.adapter.out.persistence;

import dev.atrium.billing.adapter.out.persistence.MultiRowInsert.Column;
import dev.atrium.billing.application.port.in.ListGenerationsQuery.GenerationLogRequest;
import dev.atrium.billing.application.port.out.GenerationRepository;
import dev.atrium.billing.domain.ActivityLine;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.Money;
import dev.atrium.billing.domain.StatementLine;
import dev.atrium.billing.domain.UsageGrouping;
import dev.atrium.billing.domain.UsagePeriod;
import dev.atrium.billing.domain.UsageRow;
import dev.atrium.billing.domain.UsageScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

@ApplicationScoped
class GenerationPersistenceAdapter implements GenerationRepository {

    /** ON CONFLICT DO NOTHING waits for a concurrent insert of the same id, then skips it. */
    private static final MultiRowInsert<Generation> INSERT = new MultiRowInsert<>("generation",
            List.of(Column.text("id"), Column.text("organization_id"), Column.text("workspace_id"),
                    Column.text("key_id"), Column.text("owner_user_id"), Column.text("model"), Column.text("provider"),
                    Column.number("tokens_prompt"), Column.number("tokens_completion"), Column.money("cost"),
                    Column.flag("byok"), Column.money("byok_fee"), Column.number("latency_ms"),
                    Column.text("policy_revision"), Column.time("created_at")),
            "ON CONFLICT (id) DO NOTHING RETURNING id",
            (g, v) -> v.text(g.id()).text(g.organizationId()).text(g.workspaceId()).text(g.keyId())
                    .text(g.ownerUserId()).text(g.model()).text(g.provider()).number(g.tokensPrompt())
                    .number(g.tokensCompletion()).money(g.cost()).flag(g.byok()).money(g.byokFee())
                    .number(g.latencyMs()).text(g.policyRevision()).time(g.createdAt()));
    /** byok_fee is NULL where the cost itself was debited (see Generation#charge). */
    private static final String MEASURES = "COUNT(*), COALESCE(SUM(tokens_prompt), 0),"
            + " COALESCE(SUM(tokens_completion), 0), COALESCE(SUM(cost), 0), COALESCE(SUM(byok_fee), 0),"
            + " COALESCE(SUM(COALESCE(byok_fee, cost)), 0)";

    private final EntityManager em;

    GenerationPersistenceAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Generation> addAllIfAbsent(List<Generation> generations) {
        // The caller's transaction (the debits with them) waits for the disk at commit, whatever the session's
        // default: the consumer commits its Kafka offset after it, so a database crash must not lose it.
        em.createNativeQuery("SELECT set_config('synchronous_commit', 'on', true)").getSingleResult();
        // In id order, so two transactions storing the same generations wait for each other instead of deadlocking.
        List<Generation> rows = generations.stream().sorted(Comparator.comparing(Generation::id)).toList();
        Set<String> stored = new HashSet<>(em.unwrap(Session.class)
                .doReturningWork(connection -> INSERT.executeReturning(connection, rows)));
        return generations.stream().filter(g -> stored.contains(g.id())).toList();
    }

    @Override
    public Optional<Generation> find(String id) {
        return GenerationEntity.<GenerationEntity>findByIdOptional(id).map(GenerationPersistenceAdapter::toDomain);
    }

    /** Served by the (organization, workspace, created_at) index; the cursor is a keyset, not an offset. */
    @Override
    public List<Generation> log(GenerationLogRequest r, int limit) {
        StringBuilder where = new StringBuilder("organizationId = :org");
        var params = new java.util.HashMap<String, Object>();
        params.put("org", r.scope().organizationId());
        if (r.scope().isWorkspace()) {
            where.append(" and workspaceId = :ws");
            params.put("ws", r.scope().workspaceId());
        }
        if (r.model() != null) {
            where.append(" and model = :model");
            params.put("model", r.model());
        }
        if (r.keyId() != null) {
            where.append(" and keyId = :key");
            params.put("key", r.keyId());
        }
        if (r.from() != null) {
            where.append(" and createdAt >= :from");
            params.put("from", r.from());
        }
        if (r.to() != null) {
            where.append(" and createdAt < :to");
            params.put("to", r.to());
        }
        if (r.after() != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.put("at", r.after().createdAt());
            params.put("id", r.after().id());
        }
        return GenerationEntity.<GenerationEntity>find(where + " order by createdAt desc, id desc", params)
                .page(0, limit).stream().map(GenerationPersistenceAdapter::toDomain).toList();
    }

    private static Generation toDomain(GenerationEntity e) {
        return new Generation(e.id, e.organizationId, e.workspaceId, e.keyId, e.ownerUserId, e.model, e.provider,
                e.tokensPrompt, e.tokensCompletion, Money.of(e.cost), e.byok,
                e.byokFee == null ? null : Money.of(e.byokFee), e.latencyMs, e.policyRevision, e.createdAt);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UsageRow> usage(UsageScope scope, UsagePeriod period, UsageGrouping grouping) {
        String group = switch (grouping) {
            case WORKSPACE -> "workspace_id";
            case KEY -> "key_id";
            case MODEL -> "model";
            case PROVIDER -> "provider";
            case DAY -> "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
        };
        List<Object[]> rows = scoped("SELECT " + group + " AS grp, " + MEASURES, scope, period,
                " GROUP BY grp ORDER BY grp NULLS LAST").getResultList();
        List<UsageRow> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new UsageRow((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), money(r[4]), money(r[5]), money(r[6])));
        }
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<StatementLine> statementLines(UsageScope scope, UsagePeriod period) {
        List<Object[]> rows = scoped("SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, model, "
                + MEASURES, scope, period, " GROUP BY day, model ORDER BY day, model").getResultList();
        List<StatementLine> lines = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            lines.add(new StatementLine(LocalDate.parse((String) r[0]), (String) r[1], ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), money(r[5]), money(r[6]), money(r[7])));
        }
        return lines;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ActivityLine> activity(UsageScope scope, UsagePeriod period) {
        List<Object[]> rows = scoped("SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, model,"
                + " provider, COALESCE(SUM(CASE WHEN byok THEN cost END), 0), " + MEASURES, scope, period,
                " GROUP BY day, model, provider ORDER BY day, model, provider").getResultList();
        List<ActivityLine> lines = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            lines.add(new ActivityLine(LocalDate.parse((String) r[0]), (String) r[1], (String) r[2],
                    ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                    money(r[7]), money(r[3]), money(r[8]), money(r[9])));
        }
        return lines;
    }

    private static BigDecimal money(Object sum) {
        return Money.of(new BigDecimal(sum.toString()));
    }

    private Query scoped(String select, UsageScope scope, UsagePeriod period, String rest) {
        String where = " FROM generation WHERE organization_id = :org"
                + (scope.isWorkspace() ? " AND workspace_id = :ws" : "")
                + " AND created_at >= :from AND created_at < :to";
        Query query = em.createNativeQuery(select + where + rest).setParameter("org", scope.organizationId())
                .setParameter("from", period.start()).setParameter("to", period.end());
        return scope.isWorkspace() ? query.setParameter("ws", scope.workspaceId()) : query;
    }
}
