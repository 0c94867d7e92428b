package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.RecordUsageUseCase;
import dev.atrium.guardrail.application.port.in.ViewKeySpendQuery;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.application.port.out.UsageRepository;
import dev.atrium.guardrail.domain.budget.KeySpend;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.budget.SpendCharge;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import dev.atrium.guardrail.domain.budget.SpendSplit;
import dev.atrium.guardrail.domain.budget.UsageEntry;
import dev.atrium.guardrail.domain.budget.SpendWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
        return recordAll(List.of(command)) == 1;
    }

    /**
     * The same for a polled batch in a fixed number of statements, whatever its size: the usage rows,
     * the keys the records do not name a tenant for, then each counter's summed charge and every
     * reservation settled at once. A generation repeated in the batch counts as its first occurrence.
     */
    @Override
    @Transactional
    public int recordAll(List<RecordUsageCommand> commands) {
        Map<String, RecordUsageCommand> firsts = new LinkedHashMap<>();
        commands.forEach(c -> firsts.putIfAbsent(c.entry().generationId(), c));
        if (firsts.isEmpty()) {
            return 0;
        }
        Set<String> added = usage.addAll(firsts.values().stream().map(RecordUsageCommand::entry).toList());
        List<RecordUsageCommand> charged = firsts.values().stream()
                .filter(c -> added.contains(c.entry().generationId())).toList();
        if (charged.isEmpty()) {
            return 0;
        }
        Set<String> unnamed = new TreeSet<>();
        charged.stream().filter(SpendService::needsKey).forEach(c -> unnamed.add(c.entry().keyId()));
        Map<String, KnownKey> keys = unnamed.isEmpty() ? Map.of() : tenancy.findKeys(unnamed);

        Map<SpendCounter, SpendCharge> charges = new TreeMap<>();
        List<String> reservations = new ArrayList<>();
        for (RecordUsageCommand command : charged) {
            UsageEntry entry = command.entry();
            SpendCharge charge = SpendCharge.of(entry.cost(), entry.byok());
            for (SpendCounter counter : SpendCounter.charged(
                    scopes(entry, command.ownerUserId(), keys.get(entry.keyId())), entry.createdAt())) {
                charges.merge(counter, charge, SpendCharge::plus);
            }
            if (command.reservationId() != null) {
                reservations.add(command.reservationId());
            }
        }
        ledger.settleAll(reservations, charges);
        return charged.size();
    }

    private static boolean needsKey(RecordUsageCommand c) {
        return c.entry().organizationId() == null || c.entry().workspaceId() == null || c.ownerUserId() == null;
    }

    /** The key's organization, workspace and owner as the record says, else as workspace events told us. */
    private static List<PolicyScope> scopes(UsageEntry entry, String ownerUserId, KnownKey key) {
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
        SpendSplit spent = usage.sums(List.of(keyId), SpendWindows.at(clock.instant()))
                .getOrDefault(keyId, SpendSplit.ZERO);
        return KeySpend.of(keyId, spent, tenancy.findKey(keyId).orElse(null));
    }

    /** Two queries whatever the number of keys: the keys, then their sums. */
    @Override
    @Transactional
    public List<KeySpend> spend(String workspaceId, Collection<String> keyIds) {
        List<KnownKey> keys = tenancy.findKeys(new TreeSet<>(keyIds)).values().stream()
                .filter(k -> k.workspaceId().equals(workspaceId)).sorted(Comparator.comparing(KnownKey::id)).toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, SpendSplit> sums = usage.sums(keys.stream().map(KnownKey::id).toList(),
                SpendWindows.at(clock.instant()));
        return keys.stream().map(k -> KeySpend.of(k.id(), sums.getOrDefault(k.id(), SpendSplit.ZERO), k)).toList();
    }
}
