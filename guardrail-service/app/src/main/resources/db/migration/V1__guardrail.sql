-- Each level's policy in force; revision is the number of the revision that wrote it.
CREATE TABLE policy (
    level       VARCHAR(20)   NOT NULL,
    scope_id    VARCHAR(64)   NOT NULL,
    document    TEXT          NOT NULL,
    revision    BIGINT        NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    updated_by  VARCHAR(255),
    PRIMARY KEY (level, scope_id)
);

-- Every write, numbered per level and scope; id orders the history across scopes.
CREATE TABLE policy_revision (
    id          BIGSERIAL     PRIMARY KEY,
    level       VARCHAR(20)   NOT NULL,
    scope_id    VARCHAR(64)   NOT NULL,
    revision    BIGINT        NOT NULL,
    document    TEXT          NOT NULL,
    changes     TEXT          NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    created_by  VARCHAR(255),
    UNIQUE (level, scope_id, revision)
);

-- Learned from atrium.workspace.events.
CREATE TABLE workspace (
    id               VARCHAR(64)  PRIMARY KEY,
    organization_id  VARCHAR(64)  NOT NULL
);

CREATE TABLE api_key (
    id                     VARCHAR(64)      PRIMARY KEY,
    workspace_id           VARCHAR(64)      NOT NULL,
    organization_id        VARCHAR(64)      NOT NULL,
    owner_user_id          VARCHAR(255),
    spend_limit            NUMERIC(30, 10),
    limit_reset            VARCHAR(10),
    include_byok_in_limit  BOOLEAN          NOT NULL DEFAULT FALSE
);

CREATE TABLE processed_event (
    event_id      VARCHAR(200)  PRIMARY KEY,
    type          VARCHAR(200)  NOT NULL,
    processed_at  TIMESTAMPTZ   NOT NULL
);

-- One row per generation from atrium.usage.recorded: the primary key makes a redelivery a no-op.
CREATE TABLE key_usage (
    generation_id    VARCHAR(100)     PRIMARY KEY,
    key_id           VARCHAR(64)      NOT NULL,
    workspace_id     VARCHAR(64),
    organization_id  VARCHAR(64),
    cost             NUMERIC(30, 10)  NOT NULL,
    byok             BOOLEAN          NOT NULL,
    created_at       TIMESTAMPTZ      NOT NULL
);
CREATE INDEX key_usage_key_time ON key_usage (key_id, created_at);
