package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.AddCreditsUseCase.CreditReceipt;
import dev.atrium.billing.application.port.out.BalanceEventPublisher;
import dev.atrium.billing.application.port.out.CreditRepository;
import dev.atrium.billing.application.port.out.GenerationRepository;
import dev.atrium.billing.application.port.out.IdempotencyStore;
import dev.atrium.billing.application.port.out.LedgerRepository;
import dev.atrium.billing.domain.AccountCheck;
import dev.atrium.billing.domain.AccountType;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.Credit;
import dev.atrium.billing.domain.Direction;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.IdempotencyKey;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.LedgerInvariants;
import dev.atrium.billing.domain.LedgerTransaction;
import dev.atrium.billing.domain.Money;
import dev.atrium.billing.domain.Posting;
import dev.atrium.billing.domain.TransactionKind;
import dev.atrium.billing.domain.UsageGrouping;
import dev.atrium.billing.domain.UsagePeriod;
import dev.atrium.billing.domain.UsageRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * In-memory fakes of the out-ports, for use-case tests. Like the database, it keeps balances apart
 * from entries (so the invariant between them can be checked) and refuses to book one reference twice.
 */
class InMemoryBilling implements LedgerRepository, GenerationRepository, CreditRepository, IdempotencyStore,
        BalanceEventPublisher {

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
    private long sequence;

    @Override
    public Balance post(LedgerTransaction tx) {
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
        return balance(tx.organizationId()).orElseThrow();
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
        return new LedgerInvariants(organizationId, checks, unbalanced);
    }

    @Override
    public boolean addIfAbsent(Generation generation) {
        return generations.putIfAbsent(generation.id(), generation) == null;
    }

    @Override
    public Optional<Generation> find(String id) {
        return Optional.ofNullable(generations.get(id));
    }

    @Override
    public List<UsageRow> usage(String organizationId, UsagePeriod period, UsageGrouping grouping) {
        Function<Generation, String> key = switch (grouping) {
            case WORKSPACE -> Generation::workspaceId;
            case KEY -> Generation::keyId;
            case MODEL -> Generation::model;
            case DAY -> g -> LocalDate.ofInstant(g.createdAt(), ZoneOffset.UTC).toString();
        };
        Map<String, UsageRow> rows = new TreeMap<>();
        generations.values().stream().filter(g -> g.organizationId().equals(organizationId))
                .filter(g -> !g.createdAt().isBefore(period.start()) && g.createdAt().isBefore(period.end()))
                .forEach(g -> rows.merge(key.apply(g),
                        new UsageRow(key.apply(g), 1, g.tokensPrompt(), g.tokensCompletion(), g.cost()),
                        (a, b) -> new UsageRow(a.group(), a.requests() + b.requests(),
                                a.promptTokens() + b.promptTokens(), a.completionTokens() + b.completionTokens(),
                                a.cost().add(b.cost()))));
        return List.copyOf(rows.values());
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
    public void balanceChanged(Balance balance, TransactionKind cause, String reference) {
        events.add(cause.wire() + ":" + reference + ":" + balance.amount().toPlainString() + ":r" + balance.revision());
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
