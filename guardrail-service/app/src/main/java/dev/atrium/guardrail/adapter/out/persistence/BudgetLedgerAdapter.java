package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.domain.BudgetWindow;
import dev.atrium.guardrail.domain.CounterState;
import dev.atrium.guardrail.domain.CreditState;
import dev.atrium.guardrail.domain.Hold;
import dev.atrium.guardrail.domain.Level;
import dev.atrium.guardrail.domain.Reservation;
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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counters, balances and reservations in PostgreSQL. Every writer locks counter rows in
 * {@link SpendCounter}'s order and the credit row after them, so concurrent checks, settlements and
 * expiries queue instead of deadlocking.
 */
@ApplicationScoped
class BudgetLedgerAdapter implements BudgetLedger {

    /** Creates the row if missing and locks it, in one round trip; the no-op update takes the lock. */
    private static final String LOCK = "INSERT INTO spend_counter (level, scope_id, budget_window, window_start)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (level, scope_id, budget_window, window_start)"
            + " DO UPDATE SET reserved = spend_counter.reserved RETURNING spent, spent_byok, reserved";
    private static final String WHERE = " WHERE level = ? AND scope_id = ? AND budget_window = ? AND window_start = ?";

    private final Jdbc jdbc;

    BudgetLedgerAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<SpendCounter, CounterState> lock(Collection<SpendCounter> counters) {
        Map<SpendCounter, CounterState> states = new TreeMap<>();
        for (SpendCounter c : new TreeSet<>(counters)) {
            states.put(c, jdbc.query(LOCK, rs -> new CounterState(rs.getBigDecimal("spent"),
                    rs.getBigDecimal("spent_byok"), rs.getBigDecimal("reserved")), key(c)).get(0));
        }
        return states;
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
    public Optional<CreditState> lockCredit(String organizationId) {
        return credit(organizationId, " FOR UPDATE");
    }

    @Override
    public Optional<CreditState> credit(String organizationId) {
        return credit(organizationId, "");
    }

    private Optional<CreditState> credit(String organizationId, String lock) {
        return jdbc.query("SELECT balance, reserved FROM credit_balance WHERE organization_id = ?" + lock,
                rs -> new CreditState(rs.getBigDecimal("balance"), rs.getBigDecimal("reserved")), organizationId)
                .stream().findFirst();
    }

    @Override
    public boolean updateBalance(String organizationId, BigDecimal balance, long revision) {
        return jdbc.update("INSERT INTO credit_balance (organization_id, balance, revision) VALUES (?, ?, ?)"
                + " ON CONFLICT (organization_id) DO UPDATE SET balance = EXCLUDED.balance, revision = EXCLUDED.revision"
                + " WHERE credit_balance.revision < EXCLUDED.revision", organizationId, balance, revision) == 1;
    }

    @Override
    public void hold(Reservation r) {
        jdbc.update("INSERT INTO reservation (id, organization_id, credit_hold, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)", r.id(), r.organizationId(), r.creditHold(), r.createdAt(), r.expiresAt());
        for (Hold h : r.holds()) {
            Object[] key = key(h.counter());
            jdbc.update("INSERT INTO reservation_hold (reservation_id, level, scope_id, budget_window, window_start,"
                    + " amount) VALUES (?, ?, ?, ?, ?, ?)", r.id(), key[0], key[1], key[2], key[3], h.amount());
            jdbc.update("UPDATE spend_counter SET reserved = reserved + ?" + WHERE, h.amount(), key[0], key[1], key[2],
                    key[3]);
        }
        if (r.creditHold() != null) {
            jdbc.update("UPDATE credit_balance SET reserved = reserved + ? WHERE organization_id = ?", r.creditHold(),
                    r.organizationId());
        }
    }

    @Override
    public boolean settle(String reservationId, Collection<SpendCounter> charged, BigDecimal cost, boolean byok) {
        List<Hold> holds = reservationId == null ? List.of() : holds(reservationId);
        TreeSet<SpendCounter> involved = new TreeSet<>(charged);
        holds.forEach(h -> involved.add(h.counter()));
        lock(involved);
        List<Object[]> released = reservationId == null ? List.of()
                : jdbc.query("DELETE FROM reservation WHERE id = ? RETURNING organization_id, credit_hold",
                        rs -> new Object[] {rs.getString("organization_id"), rs.getBigDecimal("credit_hold")},
                        reservationId);
        if (!released.isEmpty()) {
            for (Hold h : holds) {
                Object[] key = key(h.counter());
                jdbc.update("UPDATE spend_counter SET reserved = GREATEST(reserved - ?, 0)" + WHERE, h.amount(), key[0],
                        key[1], key[2], key[3]);
            }
            BigDecimal creditHold = (BigDecimal) released.get(0)[1];
            if (creditHold != null) {
                jdbc.update("UPDATE credit_balance SET reserved = GREATEST(reserved - ?, 0) WHERE organization_id = ?",
                        creditHold, released.get(0)[0]);
            }
        }
        String column = byok ? "spent_byok" : "spent";
        if (cost.signum() > 0) {
            for (SpendCounter c : new TreeSet<>(charged)) {
                Object[] key = key(c);
                jdbc.update("UPDATE spend_counter SET " + column + " = " + column + " + ?" + WHERE, cost, key[0], key[1],
                        key[2], key[3]);
            }
        }
        return !released.isEmpty();
    }

    @Override
    public List<String> expired(Instant now, int limit) {
        return jdbc.query("SELECT id FROM reservation WHERE expires_at < ? ORDER BY expires_at LIMIT ?",
                rs -> rs.getString("id"), now, limit);
    }

    private List<Hold> holds(String reservationId) {
        return jdbc.query("SELECT level, scope_id, budget_window, window_start, amount FROM reservation_hold"
                + " WHERE reservation_id = ?", rs -> new Hold(new SpendCounter(
                        Level.valueOf(rs.getString("level").toUpperCase(Locale.ROOT)), rs.getString("scope_id"),
                        BudgetWindow.valueOf(rs.getString("budget_window").toUpperCase(Locale.ROOT)),
                        Jdbc.instant(rs, "window_start")), rs.getBigDecimal("amount")), reservationId);
    }

    private static Object[] key(SpendCounter c) {
        return new Object[] {c.level().wire(), c.scopeId(), c.window().wire(), c.windowStart()};
    }
}
