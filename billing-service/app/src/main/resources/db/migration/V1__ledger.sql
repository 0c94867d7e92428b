-- Every organization's accounts; balance is materialized on the account's normal side and moved in
-- the same transaction as the entries, so it always equals the sum of them.
CREATE TABLE account (
    id               BIGSERIAL       PRIMARY KEY,
    organization_id  VARCHAR(100)    NOT NULL,
    type             VARCHAR(20)     NOT NULL CHECK (type IN ('credits', 'usage_revenue', 'funding', 'grants')),
    balance          NUMERIC(30, 10) NOT NULL DEFAULT 0,
    revision         BIGINT          NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ     NOT NULL,
    UNIQUE (organization_id, type)
);

CREATE TABLE ledger_transaction (
    id               VARCHAR(40)   PRIMARY KEY,
    organization_id  VARCHAR(100)  NOT NULL,
    kind             VARCHAR(20)   NOT NULL CHECK (kind IN ('top_up', 'grant', 'usage')),
    reference        VARCHAR(100)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    -- a credit or a generation is booked once
    UNIQUE (kind, reference)
);

CREATE TABLE ledger_entry (
    seq              BIGSERIAL       PRIMARY KEY,
    transaction_id   VARCHAR(40)     NOT NULL REFERENCES ledger_transaction (id),
    account_id       BIGINT          NOT NULL REFERENCES account (id),
    organization_id  VARCHAR(100)    NOT NULL,
    account_type     VARCHAR(20)     NOT NULL,
    direction        VARCHAR(6)      NOT NULL CHECK (direction IN ('debit', 'credit')),
    amount           NUMERIC(30, 10) NOT NULL CHECK (amount > 0),
    created_at       TIMESTAMPTZ     NOT NULL
);
CREATE INDEX ledger_entry_organization ON ledger_entry (organization_id, seq DESC);
CREATE INDEX ledger_entry_transaction ON ledger_entry (transaction_id);
CREATE INDEX ledger_entry_account ON ledger_entry (account_id);

-- The database refuses to commit an unbalanced transaction, whatever the code does.
CREATE FUNCTION ledger_transaction_balanced() RETURNS trigger AS $$
BEGIN
    IF (SELECT COALESCE(SUM(CASE direction WHEN 'debit' THEN amount ELSE -amount END), 0)
          FROM ledger_entry WHERE transaction_id = NEW.transaction_id) <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % is unbalanced', NEW.transaction_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER ledger_entry_balanced
    AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balanced();

-- Entries are facts: corrections are new transactions, never edits.
CREATE FUNCTION ledger_entry_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_entry_append_only
    BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_immutable();

CREATE TABLE credit (
    id               VARCHAR(40)     PRIMARY KEY,
    organization_id  VARCHAR(100)    NOT NULL,
    amount           NUMERIC(30, 10) NOT NULL CHECK (amount > 0),
    currency         VARCHAR(3)      NOT NULL,
    kind             VARCHAR(20)     NOT NULL CHECK (kind IN ('top_up', 'grant')),
    note             VARCHAR(500),
    created_by       VARCHAR(100),
    created_at       TIMESTAMPTZ     NOT NULL
);
CREATE INDEX credit_organization ON credit (organization_id, created_at);

-- Stripe-style idempotency keys, written in the same transaction as what they protect.
CREATE TABLE idempotency_key (
    idempotency_key  VARCHAR(255)  PRIMARY KEY,
    fingerprint      VARCHAR(64)   NOT NULL,
    response_status  INTEGER,
    response_body    TEXT,
    created_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

-- One row per generation; its primary key makes usage booking idempotent.
CREATE TABLE generation (
    id                 VARCHAR(100)    PRIMARY KEY,
    organization_id    VARCHAR(100)    NOT NULL,
    workspace_id       VARCHAR(100),
    key_id             VARCHAR(100),
    owner_user_id      VARCHAR(100),
    model              VARCHAR(200)    NOT NULL,
    provider           VARCHAR(200),
    tokens_prompt      BIGINT          NOT NULL,
    tokens_completion  BIGINT          NOT NULL,
    cost               NUMERIC(30, 10) NOT NULL CHECK (cost >= 0),
    byok               BOOLEAN         NOT NULL,
    latency_ms         BIGINT          NOT NULL,
    policy_revision    VARCHAR(100),
    created_at         TIMESTAMPTZ     NOT NULL
);
CREATE INDEX generation_organization_time ON generation (organization_id, created_at);
