package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.out.GenerationRepository;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.Ids;
import dev.atrium.billing.domain.LedgerTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The generation row is the idempotency record: it is claimed first, in the same transaction as
 * the debit, so a replayed usage record changes nothing. The balance may fall below zero;
 * admission control is guardrail-service's job.
 */
@ApplicationScoped
public class UsageRecordingService implements RecordUsageUseCase {

    private final GenerationRepository generations;
    private final Bookkeeper bookkeeper;
    private final Clock clock;

    public UsageRecordingService(GenerationRepository generations, Bookkeeper bookkeeper, Clock clock) {
        this.generations = generations;
        this.bookkeeper = bookkeeper;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UsageOutcome record(RecordUsageCommand command) {
        Generation g = command.generation();
        if (!generations.addIfAbsent(g)) {
            return UsageOutcome.DUPLICATE;
        }
        // A free generation (a free model, BYOK without fee) is stored but moves no money. Entries carry
        // the booking time; usage reports go by the generation's own time.
        if (g.cost().signum() > 0) {
            bookkeeper.post(LedgerTransaction.usage(Ids.transaction(), g.organizationId(), g.id(), g.cost(),
                    clock.instant()));
        }
        return UsageOutcome.RECORDED;
    }
}
