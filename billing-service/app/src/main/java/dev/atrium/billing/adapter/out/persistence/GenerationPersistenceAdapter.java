package dev.atrium.billing.adapter.out.persistence;

import dev.atrium.billing.application.port.out.GenerationRepository;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.Money;
import dev.atrium.billing.domain.UsageGrouping;
import dev.atrium.billing.domain.UsagePeriod;
import dev.atrium.billing.domain.UsageRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class GenerationPersistenceAdapter implements GenerationRepository {

    private final EntityManager em;

    GenerationPersistenceAdapter(EntityManager em) {
        this.em = em;
    }

    /** INSERT ... ON CONFLICT DO NOTHING waits for a concurrent insert of the same id, then skips it. */
    @Override
    public boolean addIfAbsent(Generation g) {
        int inserted = em.createQuery("""
                insert into GenerationEntity (id, organizationId, workspaceId, keyId, ownerUserId, model, provider,
                    tokensPrompt, tokensCompletion, cost, byok, latencyMs, policyRevision, createdAt)
                values (:id, :org, :ws, :key, :owner, :model, :provider, :prompt, :completion, :cost, :byok,
                    :latency, :revision, :createdAt)
                on conflict do nothing""")
                .setParameter("id", g.id()).setParameter("org", g.organizationId())
                .setParameter("ws", g.workspaceId()).setParameter("key", g.keyId())
                .setParameter("owner", g.ownerUserId()).setParameter("model", g.model())
                .setParameter("provider", g.provider()).setParameter("prompt", g.tokensPrompt())
                .setParameter("completion", g.tokensCompletion()).setParameter("cost", g.cost())
                .setParameter("byok", g.byok()).setParameter("latency", g.latencyMs())
                .setParameter("revision", g.policyRevision()).setParameter("createdAt", g.createdAt())
                .executeUpdate();
        return inserted == 1;
    }

    @Override
    public Optional<Generation> find(String id) {
        return GenerationEntity.<GenerationEntity>findByIdOptional(id)
                .map(e -> new Generation(e.id, e.organizationId, e.workspaceId, e.keyId, e.ownerUserId, e.model,
                        e.provider, e.tokensPrompt, e.tokensCompletion, Money.of(e.cost), e.byok, e.latencyMs,
                        e.policyRevision, e.createdAt));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UsageRow> usage(String organizationId, UsagePeriod period, UsageGrouping grouping) {
        String group = switch (grouping) {
            case WORKSPACE -> "workspace_id";
            case KEY -> "key_id";
            case MODEL -> "model";
            case DAY -> "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
        };
        List<Object[]> rows = em.createNativeQuery("SELECT " + group + " AS grp, COUNT(*),"
                        + " COALESCE(SUM(tokens_prompt), 0), COALESCE(SUM(tokens_completion), 0), COALESCE(SUM(cost), 0)"
                        + " FROM generation WHERE organization_id = :org AND created_at >= :from AND created_at < :to"
                        + " GROUP BY grp ORDER BY grp NULLS LAST")
                .setParameter("org", organizationId).setParameter("from", period.start())
                .setParameter("to", period.end()).getResultList();
        List<UsageRow> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new UsageRow((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), Money.of(new BigDecimal(r[4].toString()))));
        }
        return result;
    }
}
