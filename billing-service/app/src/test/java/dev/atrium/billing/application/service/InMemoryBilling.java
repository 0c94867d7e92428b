package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.AddCreditsUseCase.CreditReceipt;
import dev.atrium.billing.application.port.out.BalanceEventPublisher;
import dev.atrium.billing.application.port.out.BillingMetrics;
import dev.atrium.billing.application.port.out.CreditRepository;
import dev.atrium.billing.application.port.in.ListGenerationsQuery;
import dev.atrium.billing.application.port.out.GenerationRepository;
import dev.atrium.billing.application.port.out.IdempotencyStore;
import dev.atrium.billing.application.port.out.LedgerRepository;
import dev.atrium.billing.application.port.out.WorkspaceDirectory;
import dev.atrium.billing.domain.AccountCheck;
import dev.atrium.billing.domain.ActivityLine;
import dev.atrium.billing.domain.AccountType;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.BalanceEvent;
import dev.atrium.billing.domain.BalanceMove;
import dev.atrium.billing.domain.Credit;
import dev.atrium.billing.domain.Direction;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.IdempotencyKey;
import dev.atrium.billing.domain.KnownWorkspace;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.LedgerInvariants;
import dev.atrium.billing.domain.LedgerTransaction;
import dev.atrium.billing.domain.Money;
import dev.atrium.billing.domain.Posting;
import dev.atrium.billing.domain.StatementLine;
import dev.atrium.billing.domain.TransactionKind;
import dev.atrium.billing.domain.UsageGrouping;
import dev.atrium.billing.domain.UsagePeriod;
import dev.atrium.billing.domain.UsageRow;
import dev.atrium.billing.domain.UsageScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * In-memory fakes of the out-ports, for use-case tests. Like the database, it keeps balances apart
 * from entries (so the invariant between them can be checked) and refuses to book one reference twice.
 */
class InMemoryBilling implements LedgerRepository, GenerationRepository, CreditRepository, IdempotencyStore,
        BalanceEventPublisher, WorkspaceDirectory, BillingMetrics {

    record Account(BigDecimal balance, long revision, Instant updatedAt) {
    }

    record StoredKey(String fingerprint, Integer status, CreditReceipt body, Instant createdAt) {
    }

    final Map<String, Account> accounts = new HashMap<>();
    final List<LedgerEntry> entries = new ArrayList<>();
    final Map<String, LedgerTransaction> transactions = new LinkedHashMap<>();
    final Map<String, Generation> generations = new LinkedHashMap<>();
    final Map<String, Credit> credits = new LinkedHashMap<>();
    final Map<String, StoredKey> keys = new HashMap<>();
    final List<String> events = new ArrayList<>();
    final Map<String, KnownWorkspace> workspaces = new TreeMap<>();
    long recordedCount;
    long duplicateCount;
    int violationsGauge = -1;
    private long sequence;

    @Override
    public List<BalanceMove> postAll(List<LedgerTransaction> txs) {
        Map<String, BigDecimal> before = new TreeMap<>();
        Map<String, LedgerTransaction> last = new TreeMap<>();
        for (LedgerTransaction tx : txs) {
            before.putIfAbsent(tx.organizationId(), account(tx.organizationId(), AccountType.CREDITS).balance());
            post(tx);
            last.put(tx.organizationId(), tx);
        }
        return last.values().stream().map(tx -> new BalanceMove(before.get(tx.organizationId()),
                balance(tx.organizationId()).orElseThrow(), tx.kind(), tx.reference())).toList();
    }

    private void post(LedgerTransaction tx) {
        boolean booked = transactions.values().stream()
                .anyMatch(t -> t.kind() == tx.kind() && t.reference().equals(tx.reference()));
        if (booked) {
            throw new IllegalStateException("unique (kind, reference) violated by " + tx.reference());
        }
        transactions.put(tx.id(), tx);
        for (Posting p : tx.postings()) {
            entries.add(new LedgerEntry(++sequence, tx.id(), tx.organizationId(), tx.kind(), tx.reference(),
                    p.account(), p.direction(), p.amount(), tx.createdAt()));
        }
        tx.effects().forEach((type, effect) -> {
            Account a = account(tx.organizationId(), type);
            accounts.put(name(tx.organizationId(), type),
                    new Account(a.balance().add(effect), a.revision() + 1, tx.createdAt()));
        });
    }

    @Override
    public Optional<Balance> balance(String organizationId) {
        Account a = accounts.get(name(organizationId, AccountType.CREDITS));
        return a == null ? Optional.empty()
                : Optional.of(new Balance(organizationId, a.balance(), a.revision(), a.updatedAt()));
    }

    @Override
    public List<LedgerEntry> entries(String organizationId, Long beforeSequence, int limit) {
        return entries.stream().filter(e -> e.organizationId().equals(organizationId))
                .filter(e -> beforeSequence == null || e.sequence() < beforeSequence)
                .sorted(Comparator.comparingLong(LedgerEntry::sequence).reversed()).limit(limit).toList();
    }

    @Override
    public LedgerInvariants invariants(String organizationId) {
        List<AccountCheck> checks = new ArrayList<>();
        for (AccountType type : AccountType.values()) {
            Account a = accounts.get(name(organizationId, type));
            if (a != null) {
                checks.add(new AccountCheck(type, a.balance(), sum(organizationId, type, Direction.DEBIT),
                        sum(organizationId, type, Direction.CREDIT)));
            }
        }
        long unbalanced = transactions.values().stream().filter(t -> t.organizationId().equals(organizationId))
                .filter(t -> entries.stream().filter(e -> e.transactionId().equals(t.id()))
                        .map(e -> e.direction() == Direction.DEBIT ? e.amount() : e.amount().negate())
                        .reduce(BigDecimal.ZERO, BigDecimal::add).signum() != 0)
                .count();
        long misdebited = generations.values().stream().filter(g -> g.organizationId().equals(organizationId))
                .filter(g -> !debitedOnceAtItsCharge(g))
                .count();
        return new LedgerInvariants(organizationId, checks, unbalanced, misdebited);
    }

    /** The database's rule: one debit of the charge under the generation's kind, none for a charge of 0. */
    private boolean debitedOnceAtItsCharge(Generation g) {
        List<LedgerTransaction> charges = transactions.values().stream()
                .filter(t -> (t.kind() == TransactionKind.USAGE || t.kind() == TransactionKind.BYOK_FEE)
                        && t.reference().equals(g.id()))
                .toList();
        if (g.charge().signum() == 0) {
            return charges.isEmpty();
        }
        return charges.size() == 1 && charges.get(0).kind() == g.chargeKind()
                && charges.get(0).debits().compareTo(g.charge()) == 0;
    }

    @Override
    public List<LedgerInvariants> violations() {
        return accounts.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().sorted()
                .map(this::invariants).filter(i -> !i.hold()).toList();
    }

    @Override
    public List<Generation> addAllIfAbsent(List<Generation> batch) {
        return batch.stream().filter(g -> generations.putIfAbsent(g.id(), g) == null).toList();
    }

    @Override
    public Optional<Generation> find(String id) {
        return Optional.ofNullable(generations.get(id));
    }

    @Override
    public List<Generation> log(ListGenerationsQuery.GenerationLogRequest r, int limit) {
        java.util.Comparator<Generation> newestFirst = java.util.Comparator.comparing(Generation::createdAt)
                .thenComparing(Generation::id).reversed();
        return generations.values().stream().filter(g -> g.organizationId().equals(r.scope().organizationId()))
                .filter(g -> !r.scope().isWorkspace() || r.scope().workspaceId().equals(g.workspaceId()))
                .filter(g -> r.model() == null || r.model().equals(g.model()))
                .filter(g -> r.keyId() == null || r.keyId().equals(g.keyId()))
                .filter(g -> r.from() == null || !g.createdAt().isBefore(r.from()))
                .filter(g -> r.to() == null || g.createdAt().isBefore(r.to()))
                .filter(g -> r.after() == null || newestFirst.compare(g, new Generation(r.after().id(),
                        g.organizationId(), null, null, null, null, null, 0, 0, java.math.BigDecimal.ZERO, false, null,
                        0, null, r.after().createdAt())) > 0)
                .sorted(newestFirst).limit(limit).toList();
    }

    @Override
    public List<UsageRow> usage(UsageScope scope, UsagePeriod period, UsageGrouping grouping) {
        Function<Generation, String> key = switch (grouping) {
            case WORKSPACE -> Generation::workspaceId;
            case KEY -> Generation::keyId;
            case MODEL -> Generation::model;
            case PROVIDER -> Generation::provider;
            case DAY -> g -> LocalDate.ofInstant(g.createdAt(), ZoneOffset.UTC).toString();
        };
        Map<String, UsageRow> rows = new TreeMap<>();
        within(scope, period).forEach(g -> rows.merge(key.apply(g),
                new UsageRow(key.apply(g), 1, g.tokensPrompt(), g.tokensCompletion(), g.cost(), fee(g), g.charge()),
                UsageRow::plus));
        return List.copyOf(rows.values());
    }

    @Override
    public List<StatementLine> statementLines(UsageScope scope, UsagePeriod period) {
        Map<String, StatementLine> lines = new TreeMap<>();
        within(scope, period).forEach(g -> {
            LocalDate day = LocalDate.ofInstant(g.createdAt(), ZoneOffset.UTC);
            lines.merge(day + "/" + g.model(), new StatementLine(day, g.model(), 1, g.tokensPrompt(),
                    g.tokensCompletion(), g.cost(), fee(g), g.charge()), (a, b) -> new StatementLine(a.day(),
                    a.model(), a.requests() + 1, a.promptTokens() + b.promptTokens(),
                    a.completionTokens() + b.completionTokens(), a.cost().add(b.cost()),
                    a.byokFee().add(b.byokFee()), a.charged().add(b.charged())));
        });
        return List.copyOf(lines.values());
    }

    @Override
    public List<ActivityLine> activity(UsageScope scope, UsagePeriod period) {
        Map<String, ActivityLine> lines = new TreeMap<>();
        within(scope, period).forEach(g -> {
            LocalDate day = LocalDate.ofInstant(g.createdAt(), ZoneOffset.UTC);
            BigDecimal byokCost = g.byok() ? g.cost() : Money.ZERO;
            lines.merge(day + "/" + g.model() + "/" + g.provider(), new ActivityLine(day, g.model(), g.provider(), 1,
                    g.tokensPrompt(), g.tokensCompletion(), g.cost(), byokCost, fee(g), g.charge()),
                    (a, b) -> new ActivityLine(a.day(), a.model(), a.provider(), a.requests() + 1,
                            a.promptTokens() + b.promptTokens(), a.completionTokens() + b.completionTokens(),
                            a.cost().add(b.cost()), a.byokCost().add(b.byokCost()), a.byokFee().add(b.byokFee()),
                            a.charged().add(b.charged())));
        });
        return List.copyOf(lines.values());
    }

    @Override
    public BigDecimal totalAdded(String organizationId) {
        return Money.of(credits.values().stream().filter(c -> c.organizationId().equals(organizationId))
                .map(Credit::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static BigDecimal fee(Generation g) {
        return g.byokFee() == null ? Money.ZERO : g.byokFee();
    }

    private Stream<Generation> within(UsageScope scope, UsagePeriod period) {
        return generations.values().stream().filter(g -> g.organizationId().equals(scope.organizationId()))
                .filter(g -> !scope.isWorkspace() || scope.workspaceId().equals(g.workspaceId()))
                .filter(g -> !g.createdAt().isBefore(period.start()) && g.createdAt().isBefore(period.end()));
    }

    @Override
    public void learn(Collection<KnownWorkspace> learned) {
        learned.forEach(w -> workspaces.putIfAbsent(w.workspaceId(), w));
    }

    @Override
    public Optional<KnownWorkspace> workspace(String workspaceId) {
        return Optional.ofNullable(workspaces.get(workspaceId));
    }

    @Override
    public void add(Credit credit) {
        credits.put(credit.id(), credit);
    }

    @Override
    public Optional<StoredResponse> claim(String key, String fingerprint, Instant now) {
        keys.values().removeIf(k -> !k.createdAt().isAfter(IdempotencyKey.expiredBefore(now)));
        StoredKey held = keys.get(key);
        if (held == null) {
            keys.put(key, new StoredKey(fingerprint, null, null, now));
            return Optional.empty();
        }
        return Optional.of(new StoredResponse(held.fingerprint(), held.status(), held.body()));
    }

    @Override
    public void complete(String key, int status, CreditReceipt body) {
        StoredKey held = keys.get(key);
        keys.put(key, new StoredKey(held.fingerprint(), status, body, held.createdAt()));
    }

    @Override
    public void publish(List<BalanceEvent> published) {
        for (BalanceEvent e : published) {
            Balance balance = e.balance();
            if (e instanceof BalanceEvent.Low low) {
                events.add("low:" + low.reference() + ":" + balance.amount().toPlainString() + "<"
                        + low.threshold().amount().toPlainString());
            } else {
                events.add(((BalanceEvent.Changed) e).cause().wire() + ":" + e.reference() + ":"
                        + balance.amount().toPlainString() + ":r" + balance.revision());
            }
        }
    }

    @Override
    public void usageProcessed(int recorded, int duplicates) {
        recordedCount += recorded;
        duplicateCount += duplicates;
    }

    @Override
    public void invariantViolations(int organizations) {
        violationsGauge = organizations;
    }

    /** The credits balance recomputed from the entries alone. */
    BigDecimal creditsFromEntries(String organizationId) {
        return entries.stream()
                .filter(e -> e.organizationId().equals(organizationId) && e.account() == AccountType.CREDITS)
                .map(e -> AccountType.CREDITS.effectOf(e.direction(), e.amount()))
                .reduce(Money.ZERO, BigDecimal::add);
    }

    private BigDecimal sum(String organizationId, AccountType type, Direction side) {
        return entries.stream().filter(e -> e.organizationId().equals(organizationId) && e.account() == type
                && e.direction() == side).map(LedgerEntry::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    private Account account(String organizationId, AccountType type) {
        return accounts.getOrDefault(name(organizationId, type), new Account(Money.ZERO, 0, null));
    }

    private static String name(String organizationId, AccountType type) {
        return organizationId + "/" + type.wire();
    }
}
