package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.UsageRepository;
import dev.atrium.guardrail.domain.budget.SpendSplit;
import dev.atrium.guardrail.domain.budget.SpendWindows;
import dev.atrium.guardrail.domain.budget.UsageEntry;
import dev.atrium.guardrail.domain.budget.WindowSums;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private final Jdbc jdbc;

    UsagePersistenceAdapter(Jdbc jdbc) {
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

    /** One grouped query: every window's sum, and the same sums over the BYOK rows. */
    @Override
    public Map<String, SpendSplit> sums(Collection<String> keyIds, SpendWindows windows) {
        Map<String, SpendSplit> sums = new HashMap<>();
        if (keyIds.isEmpty()) {
            return sums;
        }
        String sum = "COALESCE(SUM(cost) FILTER (WHERE %s), 0)";
        String windowed = "created_at >= ?";
        jdbc.query("SELECT key_id, COALESCE(SUM(cost), 0), " + String.format(sum, windowed) + ", "
                        + String.format(sum, windowed) + ", " + String.format(sum, windowed) + ", "
                        + String.format(sum, "byok") + ", " + String.format(sum, "byok AND " + windowed) + ", "
                        + String.format(sum, "byok AND " + windowed) + ", " + String.format(sum, "byok AND " + windowed)
                        + " FROM key_usage WHERE key_id = ANY (?::text[]) GROUP BY key_id",
                rs -> sums.put(rs.getString(1), new SpendSplit(
                        new WindowSums(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)),
                        new WindowSums(rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                                rs.getBigDecimal(9)))),
                windows.dayStart(), windows.weekStart(), windows.monthStart(), windows.dayStart(), windows.weekStart(),
                windows.monthStart(), (Object) keyIds.toArray(String[]::new));
        return sums;
    }
}
