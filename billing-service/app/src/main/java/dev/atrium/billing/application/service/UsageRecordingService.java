package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.out.BillingMetrics;
import dev.atrium.billing.application.port.out.GenerationRepository;
import dev.atrium.billing.application.port.out.WorkspaceDirectory;
import dev.atrium.billing.domain.ByokFee;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.Ids;
import dev.atrium.billing.domain.KnownWorkspace;
import dev.atrium.billing.domain.LedgerTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generation rows are the idempotency record: they are claimed first, in the same transaction
 * as the debits, and only the generations this transaction stored are debited, so a replayed usage
 * record changes nothing and a failed batch leaves nothing behind. A BYOK generation is stored with
 * the fee charged for it at the rate of the moment, so the books stay checkable when the rate
 * changes. The balance may fall below zero; admission control is guardrail-service's job.
 */
@ApplicationScoped
public class UsageRecordingService implements RecordUsageUseCase {

    private final GenerationRepository generations;
    private final WorkspaceDirectory workspaces;
    private final Bookkeeper bookkeeper;
    private final BillingMetrics metrics;
    private final ByokFee byokFee;
    private final Clock clock;

    public UsageRecordingService(GenerationRepository generations, WorkspaceDirectory workspaces,
            Bookkeeper bookkeeper, BillingMetrics metrics, ByokFee byokFee, Clock clock) {
        this.generations = generations;
        this.workspaces = workspaces;
        this.bookkeeper = bookkeeper;
        this.metrics = metrics;
        this.byokFee = byokFee;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UsageOutcome record(RecordUsageCommand command) {
        return book(List.of(command)).recorded() == 1 ? UsageOutcome.RECORDED : UsageOutcome.DUPLICATE;
    }

    @Override
    @Transactional
    public BatchOutcome recordAll(List<RecordUsageCommand> commands) {
        return book(commands);
    }

    private BatchOutcome book(List<RecordUsageCommand> commands) {
        Map<String, Generation> distinct = new LinkedHashMap<>();
        commands.forEach(c -> distinct.putIfAbsent(c.generation().id(), priced(c.generation())));
        List<Generation> stored = distinct.isEmpty() ? List.of()
                : generations.addAllIfAbsent(List.copyOf(distinct.values()));
        Map<String, KnownWorkspace> seen = new LinkedHashMap<>();
        // A free generation (a free model, BYOK at a 0% fee) is stored but moves no money. Entries carry
        // the booking time; usage reports go by the generation's own time.
        Instant now = clock.instant();
        List<LedgerTransaction> debits = new ArrayList<>();
        for (Generation g : stored) {
            if (g.workspaceId() != null) {
                seen.putIfAbsent(g.workspaceId(), new KnownWorkspace(g.workspaceId(), g.organizationId()));
            }
            if (g.charge().signum() > 0) {
                debits.add(LedgerTransaction.charge(Ids.transaction(), g, now));
            }
        }
        if (!seen.isEmpty()) {
            workspaces.learn(seen.values());
        }
        bookkeeper.postAll(debits);

        metrics.usageProcessed(stored.size(), commands.size() - stored.size());
        return new BatchOutcome(stored.size(), commands.size() - stored.size());
    }

    private Generation priced(Generation g) {
        return g.byok() ? g.withByokFee(byokFee.on(g.cost())) : g;
    }
}
