package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.domain.BudgetWindow;
import dev.atrium.guardrail.domain.CounterState;
import dev.atrium.guardrail.domain.CreditState;
import dev.atrium.guardrail.domain.Level;
import dev.atrium.guardrail.domain.SpendCharge;
import dev.atrium.guardrail.domain.SpendCounter;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters, balances and reservations in PostgreSQL. Every writer locks counter rows in
 * {@link SpendCounter}'s order and credit rows after them, so concurrent checks, settlements and
 * expiries queue instead of deadlocking.
 */
@ApplicationScoped
class BudgetLedgerAdapter implements BudgetLedger {

    /**
     * A batch's charges: each counter's summed costs added in one statement, rows created and locked
     * in the order given, as the check's admission function does; each counter appears once.
     */
    private static final String CHARGE = "INSERT INTO spend_counter (level, scope_id, budget_window, window_start,"
            + " spent, spent_byok)"
            + " SELECT level, scope_id, budget_window, window_start::timestamptz, spent::numeric, spent_byok::numeric"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
            + " AS t (level, scope_id, budget_window, window_start, spent, spent_byok, n) ORDER BY n"
            + " ON CONFLICT (level, scope_id, budget_window, window_start) DO UPDATE"
            + " SET spent = spend_counter.spent + EXCLUDED.spent,"
            + " spent_byok = spend_counter.spent_byok + EXCLUDED.spent_byok";
    /**
     * Drops the reservations still held and gives back their holds (summed per counter, whose rows
     * the caller has locked) and credit holds (summed per organization; the credit rows locked by
     * organization id first, so concurrent batches queue instead of deadlocking). The holds are read
     * from the statement's snapshot, before the cascade removes them. Returns how many were held.
     */
    private static final String RELEASE = "WITH released AS ("
            + " DELETE FROM reservation WHERE id = ANY (?::text[]) RETURNING id, organization_id, credit_hold),"
            + " holds AS (SELECT h.level, h.scope_id, h.budget_window, h.window_start, SUM(h.amount) AS amount"
            + " FROM reservation_hold h JOIN released r ON r.id = h.reservation_id"
            + " GROUP BY h.level, h.scope_id, h.budget_window, h.window_start),"
            + " counters AS (UPDATE spend_counter c SET reserved = GREATEST(c.reserved - h.amount, 0) FROM holds h"
            + " WHERE c.level = h.level AND c.scope_id = h.scope_id AND c.budget_window = h.budget_window"
            + " AND c.window_start = h.window_start),"
            + " credit_holds AS (SELECT organization_id, SUM(credit_hold) AS amount FROM released"
            + " WHERE credit_hold IS NOT NULL GROUP BY organization_id),"
            + " credit_rows AS (SELECT organization_id FROM credit_balance"
            + " WHERE organization_id IN (SELECT organization_id FROM credit_holds) ORDER BY organization_id FOR UPDATE),"
            + " credits AS (UPDATE credit_balance b SET reserved = GREATEST(b.reserved - x.amount, 0)"
            + " FROM credit_holds x JOIN credit_rows l ON l.organization_id = x.organization_id"
            + " WHERE b.organization_id = x.organization_id)"
            + " SELECT count(*) FROM released";
    private static final String WHERE = " WHERE level = ? AND scope_id = ? AND budget_window = ? AND window_start = ?";

    private final Jdbc jdbc;
    /** Organizations billing has reported a balance for: a row that is never deleted. */
    private final Set<String> creditKnown = ConcurrentHashMap.newKeySet();

    BudgetLedgerAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<SpendCounter, CounterState> read(Collection<SpendCounter> counters) {
        Map<SpendCounter, CounterState> states = new LinkedHashMap<>();
        for (SpendCounter c : counters) {
            jdbc.query("SELECT spent, spent_byok, reserved FROM spend_counter" + WHERE,
                    rs -> new CounterState(rs.getBigDecimal("spent"), rs.getBigDecimal("spent_byok"),
                            rs.getBigDecimal("reserved")), key(c))
                    .forEach(s -> states.put(c, s));
        }
        return states;
    }

    @Override
    public boolean knowsCredit(String organizationId) {
        if (creditKnown.contains(organizationId)) {
            return true;
        }
        boolean known = !jdbc.query("SELECT 1 FROM credit_balance WHERE organization_id = ?", rs -> true,
                organizationId).isEmpty();
        if (known) {
            creditKnown.add(organizationId);
        }
        return known;
    }

    @Override
    public boolean updateBalance(String organizationId, BigDecimal balance, long revision) {
        return jdbc.update("INSERT INTO credit_balance (organization_id, balance, revision) VALUES (?, ?, ?)"
                + " ON CONFLICT (organization_id) DO UPDATE SET balance = EXCLUDED.balance, revision = EXCLUDED.revision"
                + " WHERE credit_balance.revision < EXCLUDED.revision", organizationId, balance, revision) == 1;
    }

    @Override
    public Optional<CreditState> credit(String organizationId) {
        return jdbc.query("SELECT balance, reserved FROM credit_balance WHERE organization_id = ?",
                rs -> new CreditState(rs.getBigDecimal("balance"), rs.getBigDecimal("reserved")), organizationId)
                .stream().findFirst();
    }

    @Override
    public int settleAll(Collection<String> reservationIds, Map<SpendCounter, SpendCharge> charges) {
        String[] ids = reservationIds.stream().distinct().sorted().toArray(String[]::new);
        Map<SpendCounter, SpendCharge> involved = new TreeMap<>(charges);
        if (ids.length > 0) {
            heldCounters(ids).forEach(c -> involved.putIfAbsent(c, SpendCharge.NONE));
        }
        if (!involved.isEmpty()) {
            chargeInOrder(involved);
        }
        if (ids.length == 0) {
            return 0;
        }
        return jdbc.query(RELEASE, rs -> rs.getInt(1), (Object) ids).get(0);
    }

    /** Every counter the reservations hold, read before any lock: holds never change once written. */
    private List<SpendCounter> heldCounters(String[] reservationIds) {
        return jdbc.query("SELECT DISTINCT level, scope_id, budget_window, window_start FROM reservation_hold"
                + " WHERE reservation_id = ANY (?::text[])", rs -> new SpendCounter(
                        Level.valueOf(rs.getString("level").toUpperCase(Locale.ROOT)), rs.getString("scope_id"),
                        BudgetWindow.valueOf(rs.getString("budget_window").toUpperCase(Locale.ROOT)),
                        Jdbc.instant(rs, "window_start")), (Object) reservationIds);
    }

    /** One statement creates, locks (in {@link SpendCounter}'s order) and charges every counter involved. */
    private void chargeInOrder(Map<SpendCounter, SpendCharge> involved) {
        int n = involved.size();
        String[] levels = new String[n];
        String[] scopes = new String[n];
        String[] windows = new String[n];
        String[] starts = new String[n];
        String[] spent = new String[n];
        String[] spentByok = new String[n];
        int i = 0;
        for (Map.Entry<SpendCounter, SpendCharge> e : involved.entrySet()) {
            SpendCounter c = e.getKey();
            levels[i] = c.level().wire();
            scopes[i] = c.scopeId();
            windows[i] = c.window().wire();
            starts[i] = c.windowStart().toString();
            spent[i] = e.getValue().spent().toPlainString();
            spentByok[i] = e.getValue().spentByok().toPlainString();
            i++;
        }
        jdbc.update(CHARGE, levels, scopes, windows, starts, spent, spentByok);
    }

    @Override
    public List<String> expired(Instant now, int limit) {
        return jdbc.query("SELECT id FROM reservation WHERE expires_at < ? ORDER BY expires_at LIMIT ?",
                rs -> rs.getString("id"), now, limit);
    }

    private static Object[] key(SpendCounter c) {
        return new Object[] {c.level().wire(), c.scopeId(), c.window().wire(), c.windowStart()};
    }
}
