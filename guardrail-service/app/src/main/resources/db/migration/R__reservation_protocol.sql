-- The reservation protocol: the one current definition of every function that holds, settles or
-- releases (docs/architecture.md, "The money path"). Flyway applies this file after the versioned
-- migrations and again whenever it changes; V3 to V5 created earlier versions of some of these
-- functions and are history (their text must not change: Flyway checks their checksums).
--
-- A reservation is one row of `reservation` (with its credit hold) and one row of `reservation_hold`
-- per spend counter it holds on. While it is open its amounts are part of spend_counter.reserved
-- and credit_balance.reserved; so for every such row, reserved = the sum of the open reservations'
-- amounts on it. The reconciliation (GET /api/v1/admin/reservations/reconciliation and the gauge
-- atrium_guardrail_reservation_drift) checks exactly that; V6's constraints refuse any negative
-- amount, and nothing here clamps at zero, so a give-back of more than was held fails loudly.
--
-- Every writer locks rows in one order, so concurrent checks, settlements, releases and expiries
-- queue instead of deadlocking: rate counters, then spend counters (each set ordered as RateCounter
-- and SpendCounter order them in Java: level, scope, window, start, by code point), then reservation
-- rows, then credit rows by organization id.
--
--   hold:    admission -> admission_lock + hold_reservation (a check; commits without waiting for
--            the disk unless atrium.guardrail.durable-reservations, ADR 0004)
--   undo:    admission_undo (a check refused after its admission: its counts, release_reservations)
--   settle:  settle_reservations (usage records: charges, then release_reservations; durable)
--   release: release_reservations (the gateway's release, expiry, a gateway instance's release of its
--            previous lives' holds at start, and the two above)
--
-- A reservation settled after it was released (its usage record arrived after the sweep, or after its
-- gateway's next life gave it back) is charged its spend and gives nothing back a second time:
-- release_reservations finds it gone and counts it as not open.

-- admission_lock: a check's locks in one round trip: the rate counters of the current 10 s bucket (created
-- when missing, the request counted on each; each answers its sliding window), then the spend counters (created when missing), each set in the order of
-- the arrays given, which the caller sorts; and the organization's credit row, read but not locked
-- (the hold reserves credit with a conditional update instead). Returns one row per row, as it stood
-- before this request: kind 'rate' (requests, tokens), 'spend' (spent, spent_byok, reserved) or
-- 'credit' (balance, reserved); no 'credit' row when guardrail knows no balance for the organization.
CREATE OR REPLACE FUNCTION admission_lock(
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
        -- Each rate row answers its whole window before this request: the current bucket (10 s) and the six
        -- before it (RateCounter.PREVIOUS_BUCKETS), with the start of the oldest bucket that counted anything
        -- (epoch seconds) for Retry-After. The earlier buckets are read as the statement began; only an undo
        -- changes them, and it only lowers them.
        SELECT 'rate'::text, c.level::text, c.scope_id::text, NULL::text, c.minute_start,
               (c.requests + coalesce(w.requests, 0))::numeric, (c.tokens + coalesce(w.tokens, 0))::numeric,
               extract(epoch FROM coalesce(w.oldest,
                   CASE WHEN c.requests > 0 OR c.tokens > 0 THEN c.minute_start END))::numeric
        FROM counted c
        LEFT JOIN LATERAL (
            SELECT sum(q.requests) AS requests, sum(q.tokens) AS tokens, min(q.minute_start) AS oldest
            FROM rate_counter q
            WHERE q.level = c.level AND q.scope_id = c.scope_id
              AND q.minute_start >= c.minute_start - interval '60 seconds' AND q.minute_start < c.minute_start
              AND (q.requests > 0 OR q.tokens > 0)) w ON true;
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

-- hold_reservation: the one definition of a hold. Reserves the credit hold first, only while the
-- organization's credit still covers it (a conditional update under the row's lock), and writes
-- nothing else when it does not. Credits fail closed: an organization guardrail knows no balance for
-- has none, so any positive credit hold is refused (a hold of zero, a free request, needs no credit).
-- Then records the reservation (with its holder, the gateway instance and life that asked, when named)
-- and its holds and adds the holds to the spend counters' reserved amounts (the caller has locked those
-- rows). False when the credit did not cover the hold.
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
    p_amounts     TEXT[],
    p_holder_instance TEXT DEFAULT NULL,
    p_holder_life     TEXT DEFAULT NULL)
RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
DECLARE
    credited INTEGER;
BEGIN
    IF p_credit_hold IS NOT NULL AND NOT EXISTS (SELECT 1 FROM credit_balance WHERE organization_id = p_org) THEN
        IF p_credit_hold > 0 THEN
            RETURN FALSE;
        END IF;
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
    INSERT INTO reservation (id, organization_id, credit_hold, created_at, expires_at, holder_instance, holder_life)
    VALUES (p_id, p_org, p_credit_hold, p_created_at, p_expires_at, p_holder_instance, p_holder_life);
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

-- admission: a check's whole transaction in one call: admission_lock's rows (as they stood before
-- this request), then, when p_hold_id is given, the hold, before the caller has judged the rows (most
-- checks are admitted; one that is not calls admission_undo). One more row, of kind 'held', says
-- whether the hold was taken (n1 = 1) or the credit did not cover it (n1 = 0).
CREATE OR REPLACE FUNCTION admission(
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
    p_hold_amounts    TEXT[],
    p_holder_instance TEXT DEFAULT NULL,
    p_holder_life     TEXT DEFAULT NULL)
RETURNS TABLE (kind TEXT, row_level TEXT, row_scope TEXT, row_window TEXT, row_start TIMESTAMPTZ,
               n1 NUMERIC, n2 NUMERIC, n3 NUMERIC)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY SELECT * FROM admission_lock(p_relaxed_commit, p_rate_levels, p_rate_scopes, p_rate_minutes,
        p_tokens, p_spend_levels, p_spend_scopes, p_spend_windows, p_spend_starts, p_credit_org);
    IF p_hold_id IS NOT NULL THEN
        RETURN QUERY SELECT 'held'::text, NULL::text, NULL::text, NULL::text, NULL::timestamptz,
            CASE WHEN hold_reservation(p_hold_id, p_hold_org, p_credit_hold, p_hold_created_at, p_hold_expires_at,
                p_spend_levels, p_spend_scopes, p_spend_windows, p_spend_starts, p_hold_amounts,
                p_holder_instance, p_holder_life)
                THEN 1 ELSE 0 END::numeric, NULL::numeric, NULL::numeric;
    END IF;
END
$$;

-- release_reservations: the one definition of giving a hold back. Drops the reservations still open
-- and takes their amounts off the spend counters (summed per counter) and credit rows (summed per
-- organization); reservations already gone give nothing back, so a release may be repeated. Locks the
-- held counters in the writers' order first, then the reservations, then the credit rows by
-- organization id. Returns how many of the reservations were still open.
CREATE OR REPLACE FUNCTION release_reservations(p_ids TEXT[])
RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    released INTEGER;
BEGIN
    IF coalesce(cardinality(p_ids), 0) = 0 THEN
        RETURN 0;
    END IF;
    PERFORM 1 FROM spend_counter c
    WHERE (c.level, c.scope_id, c.budget_window, c.window_start) IN (
        SELECT h.level, h.scope_id, h.budget_window, h.window_start
        FROM reservation_hold h WHERE h.reservation_id = ANY (p_ids))
    ORDER BY c.level COLLATE "C", c.scope_id COLLATE "C", c.budget_window COLLATE "C", c.window_start
    FOR UPDATE;
    -- The holds are read from the statement's snapshot, before the cascade removes them.
    WITH gone AS (
        DELETE FROM reservation WHERE id = ANY (p_ids) RETURNING id, organization_id, credit_hold),
    holds AS (
        SELECT h.level, h.scope_id, h.budget_window, h.window_start, SUM(h.amount) AS amount
        FROM reservation_hold h JOIN gone g ON g.id = h.reservation_id
        GROUP BY h.level, h.scope_id, h.budget_window, h.window_start),
    counters AS (
        UPDATE spend_counter c SET reserved = c.reserved - h.amount FROM holds h
        WHERE c.level = h.level AND c.scope_id = h.scope_id AND c.budget_window = h.budget_window
          AND c.window_start = h.window_start),
    credit_holds AS (
        SELECT organization_id, SUM(credit_hold) AS amount FROM gone
        WHERE credit_hold IS NOT NULL GROUP BY organization_id),
    credit_rows AS (
        SELECT organization_id FROM credit_balance
        WHERE organization_id IN (SELECT organization_id FROM credit_holds)
        ORDER BY organization_id FOR UPDATE),
    credits AS (
        UPDATE credit_balance b SET reserved = b.reserved - x.amount
        FROM credit_holds x JOIN credit_rows l ON l.organization_id = x.organization_id
        WHERE b.organization_id = x.organization_id)
    SELECT count(*) INTO released FROM gone;
    RETURN released;
END
$$;

-- settle_reservations: the one definition of a settlement, for a batch of usage records. Adds each
-- counter's summed charge (spent, spent_byok; counters created when missing, locked in the order of
-- the arrays, which the caller sorts and which include every counter the reservations hold, charged
-- or not), then releases the reservations. Commits durably whatever the session's setting: a usage
-- record whose Kafka offset is committed must never be lost by a database crash (ADR 0004).
-- Returns how many of the reservations were still open.
CREATE OR REPLACE FUNCTION settle_reservations(
    p_ids         TEXT[],
    p_levels      TEXT[],
    p_scopes      TEXT[],
    p_windows     TEXT[],
    p_starts      TEXT[],
    p_spent       TEXT[],
    p_spent_byok  TEXT[])
RETURNS INTEGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('synchronous_commit', 'on', true);
    IF coalesce(cardinality(p_levels), 0) > 0 THEN
        INSERT INTO spend_counter AS s (level, scope_id, budget_window, window_start, spent, spent_byok)
        SELECT t.level, t.scope_id, t.budget_window, t.window_start::timestamptz, t.spent::numeric,
               t.spent_byok::numeric
        FROM unnest(p_levels, p_scopes, p_windows, p_starts, p_spent, p_spent_byok) WITH ORDINALITY
            AS t (level, scope_id, budget_window, window_start, spent, spent_byok, n)
        ORDER BY t.n
        ON CONFLICT (level, scope_id, budget_window, window_start) DO UPDATE
        SET spent = s.spent + EXCLUDED.spent, spent_byok = s.spent_byok + EXCLUDED.spent_byok;
    END IF;
    RETURN release_reservations(p_ids);
END
$$;

-- admission_undo: takes back what one call of admission wrote for a check that is then refused: the
-- request's count on each rate counter and, when p_hold_id names the hold it took, that hold
-- (release_reservations). Same commit setting as the admission. The spend arrays are no longer read
-- (release_reservations finds the held counters itself); the signature is the one callers use.
CREATE OR REPLACE FUNCTION admission_undo(
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
BEGIN
    IF p_relaxed_commit THEN
        PERFORM set_config('synchronous_commit', 'off', true);
    END IF;
    FOR i IN 1 .. coalesce(cardinality(p_rate_levels), 0) LOOP
        UPDATE rate_counter SET requests = requests - 1, tokens = tokens - p_tokens
        WHERE level = p_rate_levels[i] AND scope_id = p_rate_scopes[i]
          AND minute_start = p_rate_minutes[i]::timestamptz;
    END LOOP;
    IF p_hold_id IS NOT NULL THEN
        PERFORM release_reservations(ARRAY[p_hold_id]);
    END IF;
END
$$;
