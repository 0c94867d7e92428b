-- Member scopes are {workspace}/{user}.
ALTER TABLE policy ALTER COLUMN scope_id TYPE VARCHAR(400);
ALTER TABLE policy_revision ALTER COLUMN scope_id TYPE VARCHAR(400);

-- The spend of one scope in one window (lifetime: window_start is the epoch). A budget compares
-- spent (+ spent_byok when it includes BYOK) + reserved + a request's worst case with its limit,
-- under this row's lock, so every instance agrees.
CREATE TABLE spend_counter (
    level          VARCHAR(20)      NOT NULL,
    scope_id       VARCHAR(400)     NOT NULL,
    budget_window  VARCHAR(10)      NOT NULL,
    window_start   TIMESTAMPTZ      NOT NULL,
    spent          NUMERIC(30, 10)  NOT NULL DEFAULT 0,
    spent_byok     NUMERIC(30, 10)  NOT NULL DEFAULT 0,
    reserved       NUMERIC(30, 10)  NOT NULL DEFAULT 0,
    PRIMARY KEY (level, scope_id, budget_window, window_start)
);

-- Billing's latest balance per organization (from atrium.billing.balance) and what checks hold on it.
CREATE TABLE credit_balance (
    organization_id  VARCHAR(64)      PRIMARY KEY,
    balance          NUMERIC(30, 10)  NOT NULL,
    revision         BIGINT           NOT NULL,
    reserved         NUMERIC(30, 10)  NOT NULL DEFAULT 0
);

-- A check's worst case until the usage record settles it, the gateway releases it or it expires.
CREATE TABLE reservation (
    id               VARCHAR(64)      PRIMARY KEY,
    organization_id  VARCHAR(64)      NOT NULL,
    credit_hold      NUMERIC(30, 10),
    created_at       TIMESTAMPTZ      NOT NULL,
    expires_at       TIMESTAMPTZ      NOT NULL
);
CREATE INDEX reservation_expiry ON reservation (expires_at);

CREATE TABLE reservation_hold (
    reservation_id  VARCHAR(64)      NOT NULL REFERENCES reservation (id) ON DELETE CASCADE,
    level           VARCHAR(20)      NOT NULL,
    scope_id        VARCHAR(400)     NOT NULL,
    budget_window   VARCHAR(10)      NOT NULL,
    window_start    TIMESTAMPTZ      NOT NULL,
    amount          NUMERIC(30, 10)  NOT NULL,
    PRIMARY KEY (reservation_id, level, scope_id, budget_window, window_start)
);

-- Requests and tokens of one scope in one UTC minute.
CREATE TABLE rate_counter (
    level         VARCHAR(20)   NOT NULL,
    scope_id      VARCHAR(400)  NOT NULL,
    minute_start  TIMESTAMPTZ   NOT NULL,
    requests      BIGINT        NOT NULL DEFAULT 0,
    tokens        BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (level, scope_id, minute_start)
);

-- The guardrail's view of routing's catalogue: per-token prices of every endpoint.
CREATE TABLE endpoint_price (
    model                  VARCHAR(200)     NOT NULL,
    provider               VARCHAR(200)     NOT NULL,
    prompt_price           NUMERIC(30, 16)  NOT NULL,
    completion_price       NUMERIC(30, 16)  NOT NULL,
    max_completion_tokens  INTEGER,
    PRIMARY KEY (model, provider)
);
