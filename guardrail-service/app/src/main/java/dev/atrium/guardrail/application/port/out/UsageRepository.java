package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.budget.SpendSplit;
import dev.atrium.guardrail.domain.budget.SpendWindows;
import dev.atrium.guardrail.domain.budget.UsageEntry;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

public interface UsageRepository {

    /**
     * Charges the generations to their keys in one statement; returns the ids charged now, without
     * those charged before. Each id appears at most once in {@code entries}.
     */
    Set<String> addAll(Collection<UsageEntry> entries);

    /** The spend of each of {@code keyIds} that spent anything, BYOK apart, in one query. */
    Map<String, SpendSplit> sums(Collection<String> keyIds, SpendWindows windows);
}
