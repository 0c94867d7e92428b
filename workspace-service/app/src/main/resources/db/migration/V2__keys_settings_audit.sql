-- Rotation keeps the previous secret's hash for a grace period; revoked keys stay for the audit trail.
ALTER TABLE api_key ADD COLUMN previous_key_hash    VARCHAR(64);
ALTER TABLE api_key ADD COLUMN previous_valid_until TIMESTAMPTZ;
ALTER TABLE api_key ADD COLUMN revoked_at           TIMESTAMPTZ;
CREATE INDEX api_key_previous_hash ON api_key (previous_key_hash) WHERE previous_key_hash IS NOT NULL;
CREATE INDEX api_key_listing ON api_key (workspace_id, created_at, id);
CREATE INDEX workspace_listing ON workspace (organization_id, created_at, id);

CREATE TABLE byok_credential (
    workspace_id    VARCHAR(40)   NOT NULL REFERENCES workspace (id),
    provider        VARCHAR(63)   NOT NULL,
    master_key_id   VARCHAR(40)   NOT NULL,
    ciphertext      TEXT          NOT NULL,
    last4           VARCHAR(4)    NOT NULL,
    is_fallback     BOOLEAN       NOT NULL,
    allowed_models  TEXT          NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (workspace_id, provider)
);

CREATE TABLE preset_version (
    workspace_id       VARCHAR(40)   NOT NULL REFERENCES workspace (id),
    slug               VARCHAR(63)   NOT NULL,
    version            INTEGER       NOT NULL,
    system_prompt      TEXT,
    model              VARCHAR(200),
    parameters         TEXT          NOT NULL,
    locked_parameters  TEXT          NOT NULL,
    provider           TEXT          NOT NULL,
    created_by         VARCHAR(200)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (workspace_id, slug, version)
);

-- Plugin defaults and observability destinations as JSON documents (header values sealed).
CREATE TABLE workspace_settings (
    workspace_id   VARCHAR(40)  PRIMARY KEY REFERENCES workspace (id),
    plugins        TEXT         NOT NULL DEFAULT '[]',
    observability  TEXT         NOT NULL DEFAULT '[]'
);

CREATE TABLE audit_event (
    id               BIGSERIAL     PRIMARY KEY,
    organization_id  VARCHAR(40)   NOT NULL,
    workspace_id     VARCHAR(40),
    actor            VARCHAR(200)  NOT NULL,
    action           VARCHAR(60)   NOT NULL,
    target_type      VARCHAR(40)   NOT NULL,
    target_id        VARCHAR(200)  NOT NULL,
    before_state     TEXT,
    after_state      TEXT,
    occurred_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX audit_event_organization ON audit_event (organization_id, id DESC);
