package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.CheckLedgerQuery;
import dev.atrium.billing.application.port.in.FindBalanceQuery;
import dev.atrium.billing.application.port.in.FindCreditSummaryQuery;
import dev.atrium.billing.application.port.in.ListLedgerQuery;
import dev.atrium.billing.application.port.out.CreditRepository;
import dev.atrium.billing.application.port.out.LedgerRepository;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.CreditSummary;
import dev.atrium.billing.domain.LedgerCursor;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.LedgerInvariants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
public class LedgerQueryService implements FindBalanceQuery, ListLedgerQuery, CheckLedgerQuery,
        FindCreditSummaryQuery {

    private final LedgerRepository ledger;
    private final CreditRepository credits;

    public LedgerQueryService(LedgerRepository ledger, CreditRepository credits) {
        this.ledger = ledger;
        this.credits = credits;
    }

    @Override
    @Transactional
    public Balance balance(String organizationId) {
        return ledger.balance(organizationId).orElseGet(() -> Balance.none(organizationId));
    }

    @Override
    @Transactional
    public LedgerPage list(LedgerPageRequest request) {
        // One more than asked tells whether another page follows.
        List<LedgerEntry> entries = ledger.entries(request.organizationId(), request.before(), request.limit() + 1);
        if (entries.size() <= request.limit()) {
            return new LedgerPage(entries, null);
        }
        List<LedgerEntry> page = entries.subList(0, request.limit());
        return new LedgerPage(List.copyOf(page), LedgerCursor.encode(page.get(page.size() - 1).sequence()));
    }

    @Override
    @Transactional
    public LedgerInvariants check(String organizationId) {
        return ledger.invariants(organizationId);
    }

    @Override
    @Transactional
    public CreditSummary credits(String organizationId) {
        return new CreditSummary(organizationId, credits.totalAdded(organizationId), balance(organizationId).amount());
    }
}
