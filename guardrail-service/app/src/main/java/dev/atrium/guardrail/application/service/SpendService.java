package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.RecordUsageUseCase;
import dev.atrium.guardrail.application.port.in.ViewKeySpendQuery;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.application.port.out.UsageRepository;
import dev.atrium.guardrail.domain.KeySpend;
import dev.atrium.guardrail.domain.KnownKey;
import dev.atrium.guardrail.domain.PolicyScope;
import dev.atrium.guardrail.domain.SpendCounter;
import dev.atrium.guardrail.domain.UsageEntry;
import dev.atrium.guardrail.domain.SpendWindows;
import dev.atrium.guardrail.domain.WindowSums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class SpendService implements RecordUsageUseCase, ViewKeySpendQuery {

    private final UsageRepository usage;
    private final TenancyRepository tenancy;
    private final BudgetLedger ledger;
    private final Clock clock;

    public SpendService(UsageRepository usage, TenancyRepository tenancy, BudgetLedger ledger, Clock clock) {
        this.usage = usage;
        this.tenancy = tenancy;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The usage row, the settled reservation and the counters' spend change together, once per generation. */
    @Override
    @Transactional
    public boolean record(RecordUsageCommand command) {
        return charge(command);
    }

    @Override
    @Transactional
    public int recordAll(List<RecordUsageCommand> commands) {
        int charged = 0;
        for (RecordUsageCommand command : commands) {
            charged += charge(command) ? 1 : 0;
        }
        return charged;
    }

    private boolean charge(RecordUsageCommand command) {
        UsageEntry entry = command.entry();
        if (!usage.add(entry)) {
            return false;
        }
        List<SpendCounter> charged = SpendCounter.charged(scopes(entry, command.ownerUserId()), entry.createdAt());
        ledger.settle(command.reservationId(), charged, entry.cost(), entry.byok());
        return true;
    }

    /** The key's organization, workspace and owner as the record says, else as workspace events told us. */
    private List<PolicyScope> scopes(UsageEntry entry, String ownerUserId) {
        KnownKey key = tenancy.findKey(entry.keyId()).orElse(null);
        String org = entry.organizationId() != null ? entry.organizationId() : key == null ? null : key.organizationId();
        String ws = entry.workspaceId() != null ? entry.workspaceId() : key == null ? null : key.workspaceId();
        String owner = ownerUserId != null ? ownerUserId : key == null ? null : key.ownerUserId();
        List<PolicyScope> scopes = new ArrayList<>();
        if (org != null) {
            scopes.add(PolicyScope.organization(org));
        }
        if (ws != null) {
            scopes.add(PolicyScope.workspace(ws));
            if (owner != null) {
                scopes.add(PolicyScope.member(ws, owner));
            }
        }
        scopes.add(PolicyScope.key(entry.keyId()));
        return scopes;
    }

    @Override
    @Transactional
    public KeySpend spend(String keyId) {
        SpendWindows windows = SpendWindows.at(clock.instant());
        KnownKey key = tenancy.findKey(keyId).orElse(null);
        WindowSums all = usage.sums(keyId, windows, true);
        boolean byokCounts = key == null || key.limit() == null || key.includeByokInLimit();
        WindowSums withoutByok = byokCounts ? all : usage.sums(keyId, windows, false);
        return KeySpend.of(keyId, all, withoutByok, key);
    }
}
