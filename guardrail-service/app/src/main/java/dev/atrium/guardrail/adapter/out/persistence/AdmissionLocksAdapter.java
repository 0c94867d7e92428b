package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.AdmissionLocks;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.budget.CounterState;
import dev.atrium.guardrail.domain.budget.CreditState;
import dev.atrium.guardrail.domain.budget.Reservation;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import dev.atrium.guardrail.domain.policy.Level;
import dev.atrium.guardrail.domain.rate.RateCounter;
import dev.atrium.guardrail.domain.rate.RateState;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One call of the {@code admission} function (R__reservation_protocol.sql): what a check reads, locks and
 * holds used to be five round trips (the commit setting, rate counters, spend counters, credit row,
 * hold); the function runs them in the same order inside PostgreSQL. Outside a transaction (as the
 * check calls it) the call commits on its own, and a refusal is one call of {@code admission_undo}.
 */
@ApplicationScoped
class AdmissionLocksAdapter implements AdmissionLocks {

    private static final String LOCK = "SELECT kind, row_level, row_scope, row_window, row_start, n1, n2, n3"
            + " FROM admission(?::boolean, ?::text[], ?::text[], ?::text[], ?::bigint,"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text,"
            + " ?::text, ?::text, ?::numeric, ?::text::timestamptz, ?::text::timestamptz, ?::text[], ?::text, ?::text)";
    private static final String UNDO = "SELECT admission_undo(?::boolean, ?::text[], ?::text[], ?::text[], ?::bigint,"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text)";

    /**
     * The same rows as they stand, in one statement of plain reads (a dry run): missing rows are absent; a rate
     * row is its whole window (the current bucket and the six before it), as admission_lock reads it.
     */
    private static final String PEEK = "SELECT 'rate' AS kind, t.level AS row_level, t.scope_id AS row_scope,"
            + " NULL AS row_window, t.minute_start::timestamptz AS row_start, sum(r.requests)::numeric AS n1,"
            + " sum(r.tokens)::numeric AS n2, extract(epoch FROM min(r.minute_start))::numeric AS n3"
            + " FROM unnest(?::text[], ?::text[], ?::text[]) AS t (level, scope_id, minute_start)"
            + " JOIN rate_counter r ON r.level = t.level AND r.scope_id = t.scope_id"
            + " AND r.minute_start <= t.minute_start::timestamptz"
            + " AND r.minute_start >= t.minute_start::timestamptz - interval '60 seconds'"
            + " AND (r.requests > 0 OR r.tokens > 0)"
            + " GROUP BY t.level, t.scope_id, t.minute_start"
            + " UNION ALL SELECT 'spend', s.level, s.scope_id, s.budget_window, s.window_start, s.spent, s.spent_byok,"
            + " s.reserved"
            + " FROM spend_counter s JOIN unnest(?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS t (level, scope_id, budget_window, window_start) ON s.level = t.level AND s.scope_id = t.scope_id"
            + " AND s.budget_window = t.budget_window AND s.window_start = t.window_start::timestamptz"
            + " UNION ALL SELECT 'credit', NULL, b.organization_id, NULL, NULL, b.balance, b.reserved, NULL"
            + " FROM credit_balance b WHERE b.organization_id = ?::text";

    private final Jdbc jdbc;

    AdmissionLocksAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Locked lock(Request request) {
        Rows rows = Rows.of(request);
        Reservation hold = request.hold();
        Map<RateCounter, RateState> rates = new HashMap<>();
        Map<SpendCounter, CounterState> counters = new HashMap<>();
        CreditState[] credit = new CreditState[1];
        boolean[] taken = {true};
        jdbc.query(LOCK, rs -> {
            read(rs, rates, counters, credit, taken);
            return Boolean.TRUE;
        }, request.commitWithoutWaitingForDisk(), rows.rateLevels, rows.rateScopes, rows.rateMinutes,
                request.tokens(), rows.levels, rows.scopes, rows.windows, rows.starts, request.creditOrganizationId(),
                hold == null ? null : hold.id(), hold == null ? null : hold.organizationId(),
                hold == null ? null : hold.creditHold(), hold == null ? null : hold.createdAt().toString(),
                hold == null ? null : hold.expiresAt().toString(), rows.amounts,
                hold == null || hold.holder() == null ? null : hold.holder().instance(),
                hold == null || hold.holder() == null ? null : hold.holder().life());
        return new Locked(rates, counters, credit[0], taken[0]);
    }

    @Override
    public Locked peek(Request request) {
        Rows rows = Rows.of(request);
        Map<RateCounter, RateState> rates = new HashMap<>();
        Map<SpendCounter, CounterState> counters = new HashMap<>();
        CreditState[] credit = new CreditState[1];
        boolean[] taken = {true};
        jdbc.query(PEEK, rs -> {
            read(rs, rates, counters, credit, taken);
            return Boolean.TRUE;
        }, rows.rateLevels, rows.rateScopes, rows.rateMinutes, rows.levels, rows.scopes, rows.windows, rows.starts,
                request.creditOrganizationId());
        return new Locked(rates, counters, credit[0], true);
    }

    private static void read(ResultSet rs, Map<RateCounter, RateState> rates, Map<SpendCounter, CounterState> counters,
            CreditState[] credit, boolean[] taken) throws SQLException {
        switch (rs.getString("kind")) {
            case "rate" -> rates.put(new RateCounter(level(rs.getString("row_level")), rs.getString("row_scope"),
                            Jdbc.instant(rs, "row_start")),
                    new RateState(rs.getLong("n1"), rs.getLong("n2"),
                            rs.getBigDecimal("n3") == null ? null : Instant.ofEpochSecond(rs.getLong("n3"))));
            case "spend" -> counters.put(new SpendCounter(level(rs.getString("row_level")),
                            rs.getString("row_scope"),
                            BudgetWindow.valueOf(rs.getString("row_window").toUpperCase(Locale.ROOT)),
                            Jdbc.instant(rs, "row_start")),
                    new CounterState(rs.getBigDecimal("n1"), rs.getBigDecimal("n2"), rs.getBigDecimal("n3")));
            case "credit" -> credit[0] = new CreditState(rs.getBigDecimal("n1"), rs.getBigDecimal("n2"));
            case "held" -> taken[0] = rs.getInt("n1") == 1;
            default -> throw new IllegalStateException("Unknown lock row " + rs.getString("kind"));
        }
    }

    @Override
    public void refuse(Request request, Locked locked) {
        Rows rows = Rows.of(request);
        String heldId = request.hold() != null && locked.held() ? request.hold().id() : null;
        jdbc.query(UNDO, rs -> Boolean.TRUE, request.commitWithoutWaitingForDisk(), rows.rateLevels, rows.rateScopes,
                rows.rateMinutes, request.tokens(), rows.levels, rows.scopes, rows.windows, rows.starts, heldId);
    }

    private static Level level(String wire) {
        return Level.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The request's counters as the functions' arrays, each set in its natural order. */
    private record Rows(String[] rateLevels, String[] rateScopes, String[] rateMinutes, String[] levels,
            String[] scopes, String[] windows, String[] starts, String[] amounts) {

        static Rows of(Request request) {
            int r = request.rates().size();
            String[] rateLevels = new String[r];
            String[] rateScopes = new String[r];
            String[] rateMinutes = new String[r];
            int i = 0;
            for (RateCounter c : request.rates()) {
                rateLevels[i] = c.level().wire();
                rateScopes[i] = c.scopeId();
                rateMinutes[i] = c.bucketStart().toString();
                i++;
            }
            int s = request.counters().size();
            String[] levels = new String[s];
            String[] scopes = new String[s];
            String[] windows = new String[s];
            String[] starts = new String[s];
            String[] amounts = new String[s];
            Map<SpendCounter, BigDecimal> held = new HashMap<>();
            if (request.hold() != null) {
                request.hold().holds().forEach(h -> held.put(h.counter(), h.amount()));
            }
            i = 0;
            for (SpendCounter c : request.counters()) {
                levels[i] = c.level().wire();
                scopes[i] = c.scopeId();
                windows[i] = c.window().wire();
                starts[i] = c.windowStart().toString();
                amounts[i] = request.hold() == null ? null : held.get(c).toPlainString();
                i++;
            }
            return new Rows(rateLevels, rateScopes, rateMinutes, levels, scopes, windows, starts, amounts);
        }
    }
}
