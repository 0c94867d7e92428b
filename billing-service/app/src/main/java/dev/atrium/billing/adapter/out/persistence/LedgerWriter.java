package dev.atrium.billing.adapter.out.persistence;

import dev.atrium.billing.adapter.out.persistence.MultiRowInsert.Column;
import dev.atrium.billing.domain.AccountType;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.BalanceMove;
import dev.atrium.billing.domain.LedgerTransaction;
import dev.atrium.billing.domain.Money;
import dev.atrium.billing.domain.Posting;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Posts a batch of ledger transactions in a fixed number of statements, whatever its size: lock the
 * accounts, then write the transactions, their entries and the new balances at once. The accounts
 * are locked (SELECT ... FOR UPDATE) in one order for every writer, so two writers on one
 * organization queue instead of deadlocking, and each balance moves by exactly the entries written
 * beside it: the sum of the batch's effects on it, computed here in BigDecimal.
 */
final class LedgerWriter {

    private record AccountKey(String organizationId, AccountType type) {
    }

    private record Entry(LedgerTransaction tx, Posting posting, long accountId) {
    }

    /** An account as locked, and how this batch moves it. */
    private static final class Account {
        final long id;
        final BigDecimal before;
        BigDecimal balance;
        long revision;
        Instant updatedAt;

        Account(long id, BigDecimal balance, long revision) {
            this.id = id;
            this.before = balance;
            this.balance = balance;
            this.revision = revision;
        }
    }

    private static final Comparator<AccountKey> ORDER = Comparator.comparing(AccountKey::organizationId)
            .thenComparing(AccountKey::type);
    private static final MultiRowInsert<LedgerTransaction> TRANSACTIONS = new MultiRowInsert<>("ledger_transaction",
            List.of(Column.text("id"), Column.text("organization_id"), Column.text("kind"), Column.text("reference"),
                    Column.time("created_at")), "",
            (t, v) -> v.text(t.id()).text(t.organizationId()).text(t.kind().wire()).text(t.reference())
                    .time(t.createdAt()));
    private static final MultiRowInsert<Entry> ENTRIES = new MultiRowInsert<>("ledger_entry",
            List.of(Column.text("transaction_id"), Column.number("account_id"), Column.text("organization_id"),
                    Column.text("account_type"), Column.text("direction"), Column.money("amount"),
                    Column.time("created_at")), "",
            (e, v) -> v.text(e.tx().id()).number(e.accountId()).text(e.tx().organizationId())
                    .text(e.posting().account().wire()).text(e.posting().direction().wire())
                    .money(e.posting().amount()).time(e.tx().createdAt()));
    /**
     * The transactions, their entries and the accounts' new balances in one statement. The entries'
     * foreign keys and their balance (V4's statement-level trigger) are checked at its end, when the
     * transactions are there.
     */
    private static final String WRITE = "WITH tx AS (" + TRANSACTIONS.sql() + "), entry AS (" + ENTRIES.sql() + ")"
            + " UPDATE account a SET balance = m.balance, revision = m.revision, updated_at = m.updated_at"
            + " FROM unnest(CAST(? AS int8[]), CAST(? AS numeric[]), CAST(? AS int8[]), CAST(? AS timestamptz[]))"
            + " AS m(id, balance, revision, updated_at) WHERE a.id = m.id";
    private static final String LOCK = "SELECT id, organization_id, type, balance, revision FROM account"
            + " WHERE organization_id = ANY (?) ORDER BY organization_id, type FOR UPDATE";

    private final Connection connection;

    LedgerWriter(Connection connection) {
        this.connection = connection;
    }

    /** Four statements the first time an organization is seen, two after that. */
    List<BalanceMove> post(List<LedgerTransaction> transactions) throws SQLException {
        SortedSet<AccountKey> touched = new TreeSet<>(ORDER);
        for (LedgerTransaction tx : transactions) {
            touched.add(new AccountKey(tx.organizationId(), AccountType.CREDITS));
            tx.effects().keySet().forEach(type -> touched.add(new AccountKey(tx.organizationId(), type)));
        }
        Map<AccountKey, Account> accounts = lock(touched);
        if (!accounts.keySet().containsAll(touched)) {
            open(touched.stream().filter(k -> !accounts.containsKey(k)).toList(), transactions.get(0).createdAt());
            accounts.putAll(lock(touched));
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, LedgerTransaction> last = new LinkedHashMap<>();
        for (LedgerTransaction tx : transactions) {
            for (Posting p : tx.postings()) {
                entries.add(new Entry(tx, p, accounts.get(new AccountKey(tx.organizationId(), p.account())).id));
            }
            tx.effects().forEach((type, effect) -> move(accounts.get(new AccountKey(tx.organizationId(), type)),
                    effect, tx.createdAt()));
            last.put(tx.organizationId(), tx);
        }
        write(transactions, entries, accounts.values().stream().filter(a -> a.updatedAt != null).toList());
        List<BalanceMove> moves = new ArrayList<>();
        for (AccountKey key : touched) {
            if (key.type() == AccountType.CREDITS) {
                Account credits = accounts.get(key);
                LedgerTransaction tx = last.get(key.organizationId());
                moves.add(new BalanceMove(credits.before, new Balance(key.organizationId(), credits.balance,
                        credits.revision, credits.updatedAt), tx.kind(), tx.reference()));
            }
        }
        return moves;
    }

    private static void move(Account account, BigDecimal effect, Instant at) {
        account.balance = Money.of(account.balance.add(effect));
        account.revision++;
        account.updatedAt = account.updatedAt == null || at.isAfter(account.updatedAt) ? at : account.updatedAt;
    }

    /** Opens accounts on first use, in lock order; racing openers agree through the unique key. */
    private void open(List<AccountKey> missing, Instant now) throws SQLException {
        new MultiRowInsert<AccountKey>("account", List.of(Column.text("organization_id"), Column.text("type"),
                Column.money("balance"), Column.number("revision"), Column.time("updated_at")),
                "ON CONFLICT (organization_id, type) DO NOTHING",
                (k, v) -> v.text(k.organizationId()).text(k.type().wire()).money(Money.ZERO).number(0).time(now))
                .execute(connection, missing);
    }

    /** Every touched account of the batch's organizations, locked in (organization, type) order. */
    private Map<AccountKey, Account> lock(SortedSet<AccountKey> touched) throws SQLException {
        String[] organizations = touched.stream().map(AccountKey::organizationId).distinct().toArray(String[]::new);
        Map<AccountKey, Account> accounts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, connection.createArrayOf("varchar", organizations));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    accounts.put(new AccountKey(rs.getString(2), AccountType.parse(rs.getString(3))),
                            new Account(rs.getLong(1), Money.of(rs.getBigDecimal(4)), rs.getLong(5)));
                }
            }
        }
        return accounts;
    }

    private void write(List<LedgerTransaction> transactions, List<Entry> entries, List<Account> moved)
            throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            int next = ENTRIES.bind(write, TRANSACTIONS.bind(write, 1, transactions), entries);
            write.setArray(next, connection.createArrayOf("int8", moved.stream().map(a -> a.id).toArray(Long[]::new)));
            write.setArray(next + 1, connection.createArrayOf("text",
                    moved.stream().map(a -> a.balance.toPlainString()).toArray(String[]::new)));
            write.setArray(next + 2, connection.createArrayOf("int8",
                    moved.stream().map(a -> a.revision).toArray(Long[]::new)));
            write.setArray(next + 3, connection.createArrayOf("text",
                    moved.stream().map(a -> a.updatedAt.toString()).toArray(String[]::new)));
            write.executeUpdate();
        }
    }
}
