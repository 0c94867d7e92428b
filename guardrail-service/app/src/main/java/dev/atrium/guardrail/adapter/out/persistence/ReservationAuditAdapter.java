package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.ReservationAudit;
import dev.atrium.guardrail.domain.budget.HeldAmounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The reconciliation in one statement (one snapshot): every credit row and spend counter that holds
 * something, matched with the open reservations' amounts on it. A counter row belongs to the
 * organization of the reservations holding it, else to its scope's (organization, workspace, member's
 * workspace, key). Counters that hold nothing are found through the partial index of V6.
 */
@ApplicationScoped
class ReservationAuditAdapter implements ReservationAudit {

    private static final String RECONCILE = "WITH"
            + " credit_rows AS ("
            + "  SELECT coalesce(b.organization_id, r.organization_id) AS org, coalesce(b.reserved, 0) AS held,"
            + "   coalesce(r.amount, 0) AS open_amount, coalesce(r.negative, 0) + CASE WHEN b.reserved < 0 THEN 1 ELSE 0 END"
            + "   AS negative"
            + "  FROM (SELECT organization_id, reserved FROM credit_balance WHERE reserved <> 0) b"
            + "  FULL JOIN (SELECT organization_id, SUM(credit_hold) AS amount,"
            + "   count(*) FILTER (WHERE credit_hold < 0) AS negative"
            + "   FROM reservation WHERE credit_hold IS NOT NULL GROUP BY organization_id) r"
            + "  ON r.organization_id = b.organization_id),"
            + " holds AS ("
            + "  SELECT h.level, h.scope_id, h.budget_window, h.window_start, SUM(h.amount) AS amount,"
            + "   min(r.organization_id) AS org, count(*) FILTER (WHERE h.amount < 0) AS negative"
            + "  FROM reservation_hold h JOIN reservation r ON r.id = h.reservation_id"
            + "  GROUP BY h.level, h.scope_id, h.budget_window, h.window_start),"
            + " counter_rows AS ("
            + "  SELECT coalesce(x.org, CASE level"
            + "    WHEN 'organization' THEN scope_id"
            + "    WHEN 'workspace' THEN (SELECT w.organization_id FROM workspace w WHERE w.id = scope_id)"
            + "    WHEN 'member' THEN (SELECT w.organization_id FROM workspace w WHERE w.id = split_part(scope_id, '/', 1))"
            + "    WHEN 'key' THEN (SELECT k.organization_id FROM api_key k WHERE k.id = scope_id) END, '')"
            + "   AS org, coalesce(c.reserved, 0) AS held, coalesce(x.amount, 0) AS open_amount,"
            + "   coalesce(x.negative, 0) + CASE WHEN c.reserved < 0 THEN 1 ELSE 0 END AS negative"
            + "  FROM (SELECT level, scope_id, budget_window, window_start, reserved FROM spend_counter"
            + "   WHERE reserved <> 0) c"
            + "  FULL JOIN holds x USING (level, scope_id, budget_window, window_start)),"
            + " all_rows AS (SELECT * FROM credit_rows UNION ALL SELECT * FROM counter_rows)"
            + " SELECT org, SUM(held) AS held, SUM(open_amount) AS open_amount, SUM(abs(held - open_amount)) AS drift,"
            + "  SUM(negative) AS negative"
            + " FROM all_rows GROUP BY org ORDER BY org";

    private final Jdbc jdbc;

    ReservationAuditAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<HeldAmounts> heldByOrganization() {
        return jdbc.query(RECONCILE, rs -> new HeldAmounts(rs.getString("org"), rs.getBigDecimal("held"),
                rs.getBigDecimal("open_amount"), rs.getBigDecimal("drift"), rs.getLong("negative")));
    }
}
