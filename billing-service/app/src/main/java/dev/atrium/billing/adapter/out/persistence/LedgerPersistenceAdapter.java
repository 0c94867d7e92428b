package dev.atrium.billing.adapter.out.persistence;

import dev.atrium.billing.application.port.out.LedgerRepository;
import dev.atrium.billing.domain.AccountCheck;
import dev.atrium.billing.domain.AccountType;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.Direction;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.LedgerInvariants;
import dev.atrium.billing.domain.LedgerTransaction;
import dev.atrium.billing.domain.Money;
import dev.atrium.billing.domain.Posting;
import dev.atrium.billing.domain.TransactionKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts are locked (SELECT ... FOR UPDATE) in the fixed order of {@link AccountType}, so two
 * transactions on one organization queue instead of deadlocking, and each balance moves by exactly
 * the entries written beside it.
 */
@ApplicationScoped
class LedgerPersistenceAdapter implements LedgerRepository {

    private final EntityManager em;

    LedgerPersistenceAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public Balance post(LedgerTransaction tx) {
        Map<AccountType, BigDecimal> effects = tx.effects();
        Set<AccountType> touched = EnumSet.of(AccountType.CREDITS);
        touched.addAll(effects.keySet());
        Map<AccountType, AccountEntity> accounts = new EnumMap<>(AccountType.class);
        for (AccountType type : touched) {
            accounts.put(type, lockAccount(tx.organizationId(), type, tx.createdAt()));
        }
        LedgerTransactionEntity t = new LedgerTransactionEntity();
        t.id = tx.id();
        t.organizationId = tx.organizationId();
        t.kind = tx.kind().wire();
        t.reference = tx.reference();
        t.createdAt = tx.createdAt();
        t.persist();
        for (Posting p : tx.postings()) {
            LedgerEntryEntity e = new LedgerEntryEntity();
            e.transactionId = tx.id();
            e.accountId = accounts.get(p.account()).id;
            e.organizationId = tx.organizationId();
            e.accountType = p.account().wire();
            e.direction = p.direction().wire();
            e.amount = p.amount();
            e.createdAt = tx.createdAt();
            e.persist();
        }
        effects.forEach((type, effect) -> {
            AccountEntity a = accounts.get(type);
            a.balance = Money.of(a.balance.add(effect));
            a.revision++;
            a.updatedAt = tx.createdAt();
        });
        return toBalance(accounts.get(AccountType.CREDITS));
    }

    @Override
    public Optional<Balance> balance(String organizationId) {
        return AccountEntity.<AccountEntity>find("organizationId = ?1 and type = ?2", organizationId,
                AccountType.CREDITS.wire()).firstResultOptional().map(LedgerPersistenceAdapter::toBalance);
    }

    @Override
    public List<LedgerEntry> entries(String organizationId, Long beforeSequence, int limit) {
        String jpql = "select e, t.kind, t.reference from LedgerEntryEntity e, LedgerTransactionEntity t"
                + " where t.id = e.transactionId and e.organizationId = :org"
                + (beforeSequence == null ? "" : " and e.seq < :before")
                + " order by e.seq desc";
        var query = em.createQuery(jpql, Object[].class).setParameter("org", organizationId).setMaxResults(limit);
        if (beforeSequence != null) {
            query.setParameter("before", beforeSequence);
        }
        List<LedgerEntry> entries = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            LedgerEntryEntity e = (LedgerEntryEntity) row[0];
            entries.add(new LedgerEntry(e.seq, e.transactionId, e.organizationId,
                    TransactionKind.parse((String) row[1]), (String) row[2], AccountType.parse(e.accountType),
                    Direction.parse(e.direction), e.amount, e.createdAt));
        }
        return entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public LedgerInvariants invariants(String organizationId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.type, a.balance,
                       COALESCE(SUM(CASE WHEN e.direction = 'debit' THEN e.amount END), 0),
                       COALESCE(SUM(CASE WHEN e.direction = 'credit' THEN e.amount END), 0)
                  FROM account a LEFT JOIN ledger_entry e ON e.account_id = a.id
                 WHERE a.organization_id = :org
                 GROUP BY a.type, a.balance
                 ORDER BY a.type""").setParameter("org", organizationId).getResultList();
        List<AccountCheck> checks = new ArrayList<>();
        for (Object[] r : rows) {
            checks.add(new AccountCheck(AccountType.parse((String) r[0]), Money.of((BigDecimal) r[1]),
                    Money.of((BigDecimal) r[2]), Money.of((BigDecimal) r[3])));
        }
        Number unbalanced = (Number) em.createNativeQuery("""
                SELECT COUNT(*) FROM (
                    SELECT transaction_id FROM ledger_entry WHERE organization_id = :org
                     GROUP BY transaction_id
                    HAVING SUM(CASE direction WHEN 'debit' THEN amount ELSE -amount END) <> 0) t""")
                .setParameter("org", organizationId).getSingleResult();
        return new LedgerInvariants(organizationId, checks, unbalanced.longValue());
    }

    /** Opens the account on first use (racing openers agree through the unique key), then locks it. */
    private AccountEntity lockAccount(String organizationId, AccountType type, Instant now) {
        em.createNativeQuery("""
                INSERT INTO account (organization_id, type, balance, revision, updated_at)
                VALUES (:org, :type, 0, 0, :now) ON CONFLICT (organization_id, type) DO NOTHING""")
                .setParameter("org", organizationId).setParameter("type", type.wire()).setParameter("now", now)
                .executeUpdate();
        return AccountEntity.<AccountEntity>find("organizationId = ?1 and type = ?2", organizationId, type.wire())
                .withLock(LockModeType.PESSIMISTIC_WRITE).singleResult();
    }

    private static Balance toBalance(AccountEntity a) {
        return new Balance(a.organizationId, Money.of(a.balance), a.revision, a.updatedAt);
    }
}
