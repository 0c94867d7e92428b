package dev.atrium.billing.adapter.out.persistence;

import dev.atrium.billing.application.port.out.LedgerRepository;
import dev.atrium.billing.domain.AccountCheck;
import dev.atrium.billing.domain.AccountType;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.BalanceMove;
import dev.atrium.billing.domain.Direction;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.LedgerInvariants;
import dev.atrium.billing.domain.LedgerTransaction;
import dev.atrium.billing.domain.Money;
import dev.atrium.billing.domain.TransactionKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Reads the ledger through Hibernate; writes it through {@link LedgerWriter}, a batch at a time. */
@ApplicationScoped
class LedgerPersistenceAdapter implements LedgerRepository {

    private static final String NET = "SUM(CASE direction WHEN 'debit' THEN amount ELSE -amount END)";
    /**
     * Generations not debited exactly once at their charge (the cost, or a BYOK generation's fee,
     * each under its own kind; nothing when the charge is 0), and charges without their generation.
     * A generation with a transaction of the wrong kind beside the right one shows in two rows: count
     * distinct references.
     */
    private static final String MISDEBITED = """
            SELECT g.organization_id AS org, g.id AS ref FROM generation g
              LEFT JOIN ledger_transaction t ON t.kind IN ('usage', 'byok_fee') AND t.reference = g.id
              LEFT JOIN ledger_entry e ON e.transaction_id = t.id AND e.account_type = 'credits'
                                      AND e.direction = 'debit'
             WHERE %1$s CASE WHEN COALESCE(g.byok_fee, g.cost) > 0
                             THEN t.kind IS DISTINCT FROM
                                      CASE WHEN g.byok_fee IS NULL THEN 'usage' ELSE 'byok_fee' END
                                  OR e.amount IS DISTINCT FROM COALESCE(g.byok_fee, g.cost)
                             ELSE t.id IS NOT NULL END
            UNION ALL
            SELECT t.organization_id, t.reference FROM ledger_transaction t
             WHERE %2$s t.kind IN ('usage', 'byok_fee') AND NOT EXISTS (
                   SELECT 1 FROM generation g WHERE g.id = t.reference AND g.organization_id = t.organization_id)""";

    private final EntityManager em;

    LedgerPersistenceAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<BalanceMove> postAll(List<LedgerTransaction> transactions) {
        return em.unwrap(Session.class).doReturningWork(c -> new LedgerWriter(c).post(transactions));
    }

    @Override
    public Optional<Balance> balance(String organizationId) {
        return AccountEntity.<AccountEntity>find("organizationId = ?1 and type = ?2", organizationId,
                AccountType.CREDITS.wire()).firstResultOptional()
                .map(a -> new Balance(a.organizationId, Money.of(a.balance), a.revision, a.updatedAt));
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
        Number unbalanced = (Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT transaction_id"
                        + " FROM ledger_entry WHERE organization_id = :org GROUP BY transaction_id"
                        + " HAVING " + NET + " <> 0) t")
                .setParameter("org", organizationId).getSingleResult();
        Number misdebited = (Number) em.createNativeQuery("SELECT COUNT(DISTINCT ref) FROM ("
                        + MISDEBITED.formatted("g.organization_id = :org AND", "t.organization_id = :org AND") + ") m")
                .setParameter("org", organizationId).getSingleResult();
        return new LedgerInvariants(organizationId, checks, unbalanced.longValue(), misdebited.longValue());
    }

    /** Finds suspects in three set-wide queries, then checks each suspect in full. */
    @Override
    @SuppressWarnings("unchecked")
    public List<LedgerInvariants> violations() {
        List<String> creditNormal = Arrays.stream(AccountType.values())
                .filter(t -> t.normalSide() == Direction.CREDIT).map(AccountType::wire).toList();
        List<String> suspects = em.createNativeQuery("SELECT DISTINCT org FROM ("
                        + " SELECT a.organization_id AS org FROM account a"
                        + "   LEFT JOIN (SELECT account_id, " + NET + " AS net FROM ledger_entry GROUP BY account_id) s"
                        + "     ON s.account_id = a.id"
                        + "  WHERE a.balance <> CASE WHEN a.type IN (:creditNormal) THEN -1 ELSE 1 END"
                        + "                       * COALESCE(s.net, 0)"
                        + " UNION ALL"
                        + " SELECT organization_id FROM ledger_entry GROUP BY organization_id, transaction_id"
                        + "  HAVING " + NET + " <> 0"
                        + " UNION ALL SELECT org FROM (" + MISDEBITED.formatted("", "") + ") m"
                        + ") v ORDER BY org")
                .setParameter("creditNormal", creditNormal).getResultList();
        return suspects.stream().map(this::invariants).filter(i -> !i.hold()).toList();
    }
}
