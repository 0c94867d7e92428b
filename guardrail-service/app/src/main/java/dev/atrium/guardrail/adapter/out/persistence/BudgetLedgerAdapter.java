package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.budget.CounterState;
import dev.atrium.guardrail.domain.budget.CreditState;
import dev.atrium.guardrail.domain.budget.Holder;
import dev.atrium.guardrail.domain.budget.SpendCharge;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import dev.atrium.guardrail.domain.policy.Level;
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

/**
 * Counters, balances and reservations in PostgreSQL. Every writer locks counter rows in
 * {@link SpendCounter}'s order and credit rows after them, so concurrent checks, settlements and
 * expiries queue instead of deadlocking.
 */
@ApplicationScoped
class BudgetLedgerAdapter implements BudgetLedger {

    /**
     * A batch's settlement in one call of {@code settle_reservations} (R__reservation_protocol.sql): each
     * counter's summed charge added, rows created and locked in the order given, then the reservations
     * released; each counter appears once. The function commits durably.
     */
    private static final String SETTLE = "SELECT settle_reservations(?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[])";
    private static final String WHERE = " WHERE level = ? AND scope_id = ? AND budget_window = ? AND window_start = ?";

    private final Jdbc jdbc;

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

    /** Revision -1: below any revision billing reports, so billing's balance always replaces it. */
    @Override
    public boolean openCredit(String organizationId) {
        return jdbc.update("INSERT INTO credit_balance (organization_id, balance, revision) VALUES (?, 0, -1)"
                + " ON CONFLICT (organization_id) DO NOTHING", organizationId) == 1;
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
        if (involved.isEmpty() && ids.length == 0) {
            return 0;
        }
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
        return jdbc.query(SETTLE, rs -> rs.getInt(1), ids, levels, scopes, windows, starts, spent, spentByok).get(0);
    }

    /** Every counter the reservations hold, read before any lock: holds never change once written. */
    private List<SpendCounter> heldCounters(String[] reservationIds) {
        return jdbc.query("SELECT DISTINCT level, scope_id, budget_window, window_start FROM reservation_hold"
                + " WHERE reservation_id = ANY (?::text[])", rs -> new SpendCounter(
                        Level.valueOf(rs.getString("level").toUpperCase(Locale.ROOT)), rs.getString("scope_id"),
                        BudgetWindow.valueOf(rs.getString("budget_window").toUpperCase(Locale.ROOT)),
                        Jdbc.instant(rs, "window_start")), (Object) reservationIds);
    }

    @Override
    public List<String> heldInOtherLives(Holder holder, int limit) {
        return jdbc.query("SELECT id FROM reservation WHERE holder_instance = ? AND holder_life <> ?"
                + " ORDER BY created_at LIMIT ?", rs -> rs.getString("id"), holder.instance(), holder.life(), limit);
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
