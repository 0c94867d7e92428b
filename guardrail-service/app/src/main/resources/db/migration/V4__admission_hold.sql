-- A check's hold in the same round trip as its locks (docs/adr/0004-reservation-write-path.md).
--
-- hold_reservation: what BudgetLedgerAdapter's hold statement did, now the one definition of a hold.
-- Records the reservation and its holds, adds the holds to the spend counters' reserved amounts (the
-- caller has locked those rows), and reserves the credit hold only while the organization's credit
-- still covers it (a conditional update under the row's lock); an organization billing has not reported
-- a balance for yet has no credit to hold. False when the credit did not cover it: the rest was
-- written, and the caller rolls its transaction back.
CREATE FUNCTION hold_reservation(
    p_id          TEXT,
    p_org         TEXT,
    p_credit_hold NUMERIC,
    p_created_at  TIMESTAMPTZ,
    p_expires_at  TIMESTAMPTZ,
    p_levels      TEXT[],
    p_scopes      TEXT[],
    p_windows     TEXT[],
    p_starts      TEXT[],
    p_amounts     TEXT[])
RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
DECLARE
    credited INTEGER;
BEGIN
    IF p_credit_hold IS NOT NULL AND NOT EXISTS (SELECT 1 FROM credit_balance WHERE organization_id = p_org) THEN
        p_credit_hold := NULL;
    END IF;
    INSERT INTO reservation (id, organization_id, credit_hold, created_at, expires_at)
    VALUES (p_id, p_org, p_credit_hold, p_created_at, p_expires_at);
    IF cardinality(p_levels) > 0 THEN
        INSERT INTO reservation_hold (reservation_id, level, scope_id, budget_window, window_start, amount)
        SELECT p_id, t.level, t.scope_id, t.budget_window, t.window_start::timestamptz, t.amount::numeric
        FROM unnest(p_levels, p_scopes, p_windows, p_starts, p_amounts)
            AS t (level, scope_id, budget_window, window_start, amount);
        UPDATE spend_counter c SET reserved = c.reserved + h.amount::numeric
        FROM unnest(p_levels, p_scopes, p_windows, p_starts, p_amounts)
            AS h (level, scope_id, budget_window, window_start, amount)
        WHERE c.level = h.level AND c.scope_id = h.scope_id AND c.budget_window = h.budget_window
          AND c.window_start = h.window_start::timestamptz;
    END IF;
    IF p_credit_hold IS NULL THEN
        RETURN TRUE;
    END IF;
    UPDATE credit_balance SET reserved = reserved + p_credit_hold
    WHERE organization_id = p_org AND balance - reserved >= p_credit_hold;
    GET DIAGNOSTICS credited = ROW_COUNT;
    RETURN credited = 1;
END
$$;

-- admission: admission_lock's rows (as they stood before this request), then, when p_hold_id is
-- given, the reservation's hold, before the caller has judged the rows: the common check is admitted,
-- and one that is not rolls its transaction back, hold included. One more row, of kind 'held', says
-- whether the hold was taken in full (n1 = 1) or the credit no longer covered it (n1 = 0).
CREATE FUNCTION admission(
    p_relaxed_commit  BOOLEAN,
    p_rate_levels     TEXT[],
    p_rate_scopes     TEXT[],
    p_rate_minutes    TEXT[],
    p_tokens          BIGINT,
    p_spend_levels    TEXT[],
    p_spend_scopes    TEXT[],
    p_spend_windows   TEXT[],
    p_spend_starts    TEXT[],
    p_credit_org      TEXT,
    p_hold_id         TEXT,
    p_hold_org        TEXT,
    p_credit_hold     NUMERIC,
    p_hold_created_at TIMESTAMPTZ,
    p_hold_expires_at TIMESTAMPTZ,
    p_hold_amounts    TEXT[])
RETURNS TABLE (kind TEXT, row_level TEXT, row_scope TEXT, row_window TEXT, row_start TIMESTAMPTZ,
               n1 NUMERIC, n2 NUMERIC, n3 NUMERIC)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY SELECT * FROM admission_lock(p_relaxed_commit, p_rate_levels, p_rate_scopes, p_rate_minutes,
        p_tokens, p_spend_levels, p_spend_scopes, p_spend_windows, p_spend_starts, p_credit_org);
    IF p_hold_id IS NOT NULL THEN
        RETURN QUERY SELECT 'held'::text, NULL::text, NULL::text, NULL::text, NULL::timestamptz,
            CASE WHEN hold_reservation(p_hold_id, p_hold_org, p_credit_hold, p_hold_created_at, p_hold_expires_at,
                p_spend_levels, p_spend_scopes, p_spend_windows, p_spend_starts, p_hold_amounts)
                THEN 1 ELSE 0 END::numeric, NULL::numeric, NULL::numeric;
    END IF;
END
$$;
