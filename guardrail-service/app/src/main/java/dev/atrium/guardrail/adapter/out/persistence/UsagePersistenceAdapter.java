package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.UsageRepository;
import dev.atrium.guardrail.domain.SpendWindows;
import dev.atrium.guardrail.domain.UsageEntry;
import dev.atrium.guardrail.domain.WindowSums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;

/** One row per generation; sums are exact NUMERIC arithmetic in the database. */
@ApplicationScoped
class UsagePersistenceAdapter implements UsageRepository {

    private final EntityManager em;

    UsagePersistenceAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean add(UsageEntry entry) {
        return em.createNativeQuery("INSERT INTO key_usage (generation_id, key_id, workspace_id, organization_id,"
                        + " cost, byok, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " ON CONFLICT (generation_id) DO NOTHING")
                .setParameter(1, entry.generationId()).setParameter(2, entry.keyId())
                .setParameter(3, entry.workspaceId()).setParameter(4, entry.organizationId())
                .setParameter(5, entry.cost()).setParameter(6, entry.byok()).setParameter(7, entry.createdAt())
                .executeUpdate() == 1;
    }

    @Override
    public WindowSums sums(String keyId, SpendWindows windows, boolean includeByok) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(cost), 0),"
                        + " COALESCE(SUM(cost) FILTER (WHERE created_at >= ?2), 0),"
                        + " COALESCE(SUM(cost) FILTER (WHERE created_at >= ?3), 0),"
                        + " COALESCE(SUM(cost) FILTER (WHERE created_at >= ?4), 0)"
                        + " FROM key_usage WHERE key_id = ?1" + (includeByok ? "" : " AND NOT byok"))
                .setParameter(1, keyId).setParameter(2, windows.dayStart())
                .setParameter(3, windows.weekStart()).setParameter(4, windows.monthStart())
                .getSingleResult();
        return new WindowSums((BigDecimal) row[0], (BigDecimal) row[1], (BigDecimal) row[2], (BigDecimal) row[3]);
    }
}
