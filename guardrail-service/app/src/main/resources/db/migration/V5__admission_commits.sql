-- A check's admission commits on its own (docs/adr/0004-reservation-write-path.md, "One round trip"):
-- the call of admission is the whole transaction, and a check the service then refuses takes back
-- what it wrote with admission_undo, as a rollback did before.
--
-- hold_reservation now reserves the credit first and writes nothing else when the credit no longer
-- covers it: a refused hold leaves only the request's rate counts for admission_undo to take back.
-- Locks are taken in the same order as before: the spend counters are locked by admission_lock, the
-- credit row after them.
CREATE OR REPLACE FUNCTION hold_reservation(
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
    IF p_credit_hold IS NOT NULL THEN
        UPDATE credit_balance SET reserved = reserved + p_credit_hold
        WHERE organization_id = p_org AND balance - reserved >= p_credit_hold;
        GET DIAGNOSTICS credited = ROW_COUNT;
        IF credited = 0 THEN
            RETURN FALSE;
        END IF;
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
    RETURN TRUE;
END
$$;

-- admission_undo: takes back what one call of admission wrote for a check that is then refused, with
-- the same arrays: the request's count on each rate counter and, when p_hold_id names the hold it
-- took, the hold (its amounts on the spend counters, the reservation, its credit hold). Rows are
-- locked in the order every writer locks them: the rate counters and the spend counters in the
-- arrays' order, then the reservation, the credit row last. Each amount is given back only by the
-- statement that deletes what held it, so nothing is given back twice.
CREATE FUNCTION admission_undo(
    p_relaxed_commit  BOOLEAN,
    p_rate_levels     TEXT[],
    p_rate_scopes     TEXT[],
    p_rate_minutes    TEXT[],
    p_tokens          BIGINT,
    p_spend_levels    TEXT[],
    p_spend_scopes    TEXT[],
    p_spend_windows   TEXT[],
    p_spend_starts    TEXT[],
    p_hold_id         TEXT)
RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    released_org  TEXT;
    released_hold NUMERIC;
    held          NUMERIC;
BEGIN
    IF p_relaxed_commit THEN
        PERFORM set_config('synchronous_commit', 'off', true);
    END IF;
    FOR i IN 1 .. coalesce(cardinality(p_rate_levels), 0) LOOP
        UPDATE rate_counter SET requests = greatest(requests - 1, 0), tokens = greatest(tokens - p_tokens, 0)
        WHERE level = p_rate_levels[i] AND scope_id = p_rate_scopes[i]
          AND minute_start = p_rate_minutes[i]::timestamptz;
    END LOOP;
    IF p_hold_id IS NULL THEN
        RETURN;
    END IF;
    FOR i IN 1 .. coalesce(cardinality(p_spend_levels), 0) LOOP
        DELETE FROM reservation_hold
        WHERE reservation_id = p_hold_id AND level = p_spend_levels[i] AND scope_id = p_spend_scopes[i]
          AND budget_window = p_spend_windows[i] AND window_start = p_spend_starts[i]::timestamptz
        RETURNING amount INTO held;
        IF FOUND THEN
            UPDATE spend_counter SET reserved = greatest(reserved - held, 0)
            WHERE level = p_spend_levels[i] AND scope_id = p_spend_scopes[i]
              AND budget_window = p_spend_windows[i] AND window_start = p_spend_starts[i]::timestamptz;
        END IF;
    END LOOP;
    DELETE FROM reservation WHERE id = p_hold_id RETURNING organization_id, credit_hold
        INTO released_org, released_hold;
    IF FOUND AND released_hold IS NOT NULL THEN
        UPDATE credit_balance SET reserved = greatest(reserved - released_hold, 0)
        WHERE organization_id = released_org;
    END IF;
END
$$;
