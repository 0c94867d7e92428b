-- A check's locks in one round trip (docs/adr/0004-reservation-write-path.md): the rate counters
-- (created when missing, the request counted on each), then the spend counters (created when
-- missing), each set in the order of the arrays given, which the caller sorts as every other writer
-- does; and the organization's credit row, read but not locked: every check of an organization
-- would queue on that one row from here to its commit. The hold reserves the credit with a
-- conditional update instead, so the row is locked from the hold to the commit only. Returns one row
-- per row, as it stood before this request: kind 'rate' (requests, tokens), 'spend' (spent,
-- spent_byok, reserved) or 'credit' (balance, reserved). A refused check rolls its transaction back,
-- counts included.
CREATE FUNCTION admission_lock(
    p_relaxed_commit  BOOLEAN,
    p_rate_levels     TEXT[],
    p_rate_scopes     TEXT[],
    p_rate_minutes    TEXT[],
    p_tokens          BIGINT,
    p_spend_levels    TEXT[],
    p_spend_scopes    TEXT[],
    p_spend_windows   TEXT[],
    p_spend_starts    TEXT[],
    p_credit_org      TEXT)
RETURNS TABLE (kind TEXT, row_level TEXT, row_scope TEXT, row_window TEXT, row_start TIMESTAMPTZ,
               n1 NUMERIC, n2 NUMERIC, n3 NUMERIC)
LANGUAGE plpgsql AS $$
BEGIN
    IF p_relaxed_commit THEN
        PERFORM set_config('synchronous_commit', 'off', true);
    END IF;
    IF cardinality(p_rate_levels) > 0 THEN
        RETURN QUERY
        WITH counted AS (
            INSERT INTO rate_counter AS r (level, scope_id, minute_start, requests, tokens)
            SELECT t.level, t.scope_id, t.minute_start::timestamptz, 1, p_tokens
            FROM unnest(p_rate_levels, p_rate_scopes, p_rate_minutes) WITH ORDINALITY
                AS t (level, scope_id, minute_start, n)
            ORDER BY t.n
            ON CONFLICT (level, scope_id, minute_start) DO UPDATE
            SET requests = r.requests + 1, tokens = r.tokens + EXCLUDED.tokens
            RETURNING r.level, r.scope_id, r.minute_start, r.requests - 1 AS requests, r.tokens - p_tokens AS tokens)
        SELECT 'rate'::text, c.level::text, c.scope_id::text, NULL::text, c.minute_start,
               c.requests::numeric, c.tokens::numeric, NULL::numeric
        FROM counted c;
    END IF;
    IF cardinality(p_spend_levels) > 0 THEN
        RETURN QUERY
        WITH locked AS (
            INSERT INTO spend_counter AS s (level, scope_id, budget_window, window_start)
            SELECT t.level, t.scope_id, t.budget_window, t.window_start::timestamptz
            FROM unnest(p_spend_levels, p_spend_scopes, p_spend_windows, p_spend_starts) WITH ORDINALITY
                AS t (level, scope_id, budget_window, window_start, n)
            ORDER BY t.n
            ON CONFLICT (level, scope_id, budget_window, window_start) DO UPDATE SET reserved = s.reserved
            RETURNING s.level, s.scope_id, s.budget_window, s.window_start, s.spent, s.spent_byok, s.reserved)
        SELECT 'spend'::text, l.level::text, l.scope_id::text, l.budget_window::text, l.window_start,
               l.spent, l.spent_byok, l.reserved
        FROM locked l;
    END IF;
    IF p_credit_org IS NOT NULL THEN
        RETURN QUERY
        SELECT 'credit'::text, NULL::text, b.organization_id::text, NULL::text, NULL::timestamptz,
               b.balance, b.reserved, NULL::numeric
        FROM credit_balance b WHERE b.organization_id = p_credit_org;
    END IF;
END
$$;
