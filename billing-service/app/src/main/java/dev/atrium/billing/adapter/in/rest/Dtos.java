package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.application.port.in.AddCreditsUseCase.CreditReceipt;
import dev.atrium.billing.domain.AccountCheck;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.LedgerInvariants;
import dev.atrium.billing.domain.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The JSON the management API reads and writes (snake_case by the shared settings). */
final class Dtos {

    private Dtos() {
    }

    /** Money without the ledger's trailing zeros: {@code 97.1234}, not {@code 97.1234000000}. */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros();
    }

    record Data<T>(T data) {
    }

    record Page<T>(List<T> data, String nextCursor) {
    }

    record AddCredits(BigDecimal amount, String currency, String kind, String note) {
    }

    record CreditView(String id, String organizationId, BigDecimal amount, String currency, String kind, String note,
            BigDecimal balance, Instant createdAt) {
        static CreditView of(CreditReceipt r) {
            return new CreditView(r.id(), r.organizationId(), money(r.amount()), r.currency(), r.kind(), r.note(),
                    money(r.balance()), r.createdAt());
        }
    }

    record BalanceView(String organizationId, BigDecimal balance, String currency, Instant updatedAt) {
        static BalanceView of(Balance b) {
            return new BalanceView(b.organizationId(), money(b.amount()), Money.CURRENCY, b.updatedAt());
        }
    }

    record LedgerEntryView(String id, String transactionId, String account, String direction, BigDecimal amount,
            String kind, String reference, Instant createdAt) {
        static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView("le_" + e.sequence(), e.transactionId(), e.account().wire(),
                    e.direction().wire(), money(e.amount()), e.kind().wire(), e.reference(), e.createdAt());
        }
    }

    /**
     * The shape of {@code GET /api/v1/generations/{id}} (OpenRouter's generation lookup).
     * {@code total_cost} is what the upstream provider charged, also when the workspace's own key
     * paid it ({@code is_byok}); {@code byok_fee} is what a BYOK generation cost the organization's
     * credits instead (null otherwise), {@code charged} what the credits were debited either way.
     */
    record GenerationData(String id, String model, String providerName, long tokensPrompt, long tokensCompletion,
            BigDecimal totalCost, boolean isByok, BigDecimal byokFee, BigDecimal charged, long latency,
            String workspaceId, String keyId, String policyRevision, Instant createdAt) {
        static GenerationData of(Generation g) {
            return new GenerationData(g.id(), g.model(), g.provider(), g.tokensPrompt(), g.tokensCompletion(),
                    money(g.cost()), g.byok(), money(g.byokFee()), money(g.charge()), g.latencyMs(), g.workspaceId(),
                    g.keyId(), g.policyRevision(), g.createdAt());
        }
    }

    record AccountCheckView(String account, BigDecimal balance, BigDecimal debits, BigDecimal credits,
            BigDecimal sumOfEntries, boolean consistent) {
        static AccountCheckView of(AccountCheck c) {
            return new AccountCheckView(c.account().wire(), money(c.balance()), money(c.debits()),
                    money(c.credits()), money(c.sumOfEntries()), c.consistent());
        }
    }

    record InvariantsView(String organizationId, boolean hold, BigDecimal debits, BigDecimal credits,
            long unbalancedTransactions, long generationsNotDebitedOnce, List<AccountCheckView> accounts) {
        static InvariantsView of(LedgerInvariants i) {
            return new InvariantsView(i.organizationId(), i.hold(), money(i.debits()), money(i.credits()),
                    i.unbalancedTransactions(), i.generationsNotDebitedOnce(),
                    i.accounts().stream().map(AccountCheckView::of).toList());
        }
    }
}
