package dev.atrium.billing.application.port.out;

import dev.atrium.billing.domain.ActivityLine;
import dev.atrium.billing.application.port.in.ListGenerationsQuery.GenerationLogRequest;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.StatementLine;
import dev.atrium.billing.domain.UsageGrouping;
import dev.atrium.billing.domain.UsagePeriod;
import dev.atrium.billing.domain.UsageRow;
import dev.atrium.billing.domain.UsageScope;
import java.util.List;
import java.util.Optional;

public interface GenerationRepository {

    /**
     * Stores each generation unless one with its id exists (even in a concurrent transaction that
     * commits first). The ids must be distinct. The caller's transaction then commits durably (it
     * waits for the disk), whatever the session's setting: the stored generations are the record that
     * usage was booked, and the usage consumer commits its Kafka offsets after that transaction.
     *
     * @return the generations this call stored, in their order; the others were already stored
     */
    List<Generation> addAllIfAbsent(List<Generation> generations);

    Optional<Generation> find(String id);

    /** One row per group, ordered by the group's value, absent values last. */
    List<UsageRow> usage(UsageScope scope, UsagePeriod period, UsageGrouping grouping);

    /** One line per UTC day and model that had usage in the period. */
    List<StatementLine> statementLines(UsageScope scope, UsagePeriod period);

    /** One line per UTC day, model and provider that had usage in the period, in that order. */
    List<ActivityLine> activity(UsageScope scope, UsagePeriod period);

    /** Up to {@code request.limit()} generations matching the request, newest first (ties by id, descending). */
    List<Generation> log(GenerationLogRequest request, int limit);
}
