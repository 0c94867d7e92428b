package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.UsageRepository;
import dev.atrium.guardrail.domain.budget.SpendWindows;
import dev.atrium.guardrail.domain.budget.UsageEntry;
import dev.atrium.guardrail.domain.budget.WindowSums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** One row per generation; sums are exact NUMERIC arithmetic in the database. */
@ApplicationScoped
class UsagePersistenceAdapter implements UsageRepository {

    /**
     * All rows in one statement, inserted in the order given (by generation id, so two instances
     * handed overlapping batches wait on each other's ids in one order rather than deadlock).
     */
    private static final String ADD = "INSERT INTO key_usage (generation_id, key_id, workspace_id, organization_id,"
            + " cost, byok, created_at)"
            + " SELECT generation_id, key_id, workspace_id, organization_id, cost::numeric, byok::boolean,"
            + " created_at::timestamptz"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
            + " AS t (generation_id, key_id, workspace_id, organization_id, cost, byok, created_at, n) ORDER BY n"
            + " ON CONFLICT (generation_id) DO NOTHING RETURNING generation_id";

    private final EntityManager em;
    private final Jdbc jdbc;

    UsagePersistenceAdapter(EntityManager em, Jdbc jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> addAll(Collection<UsageEntry> entries) {
        List<UsageEntry> sorted = entries.stream().sorted(Comparator.comparing(UsageEntry::generationId)).toList();
        if (sorted.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query(ADD, rs -> rs.getString(1),
                column(sorted, UsageEntry::generationId), column(sorted, UsageEntry::keyId),
                column(sorted, UsageEntry::workspaceId), column(sorted, UsageEntry::organizationId),
                column(sorted, e -> e.cost().toPlainString()), column(sorted, e -> String.valueOf(e.byok())),
                column(sorted, e -> e.createdAt().toString())));
    }

    private static String[] column(List<UsageEntry> entries, Function<UsageEntry, String> value) {
        return entries.stream().map(value).toArray(String[]::new);
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
