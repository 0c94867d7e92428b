package dev.atrium.billing.application.port.out;

import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.UsageGrouping;
import dev.atrium.billing.domain.UsagePeriod;
import dev.atrium.billing.domain.UsageRow;
import java.util.List;
import java.util.Optional;

public interface GenerationRepository {

    /**
     * Stores the generation unless one with its id exists (even in a concurrent transaction that
     * commits first).
     *
     * @return false when it was already stored
     */
    boolean addIfAbsent(Generation generation);

    Optional<Generation> find(String id);

    /** One row per group, ordered by the group's value, absent values last. */
    List<UsageRow> usage(String organizationId, UsagePeriod period, UsageGrouping grouping);
}
