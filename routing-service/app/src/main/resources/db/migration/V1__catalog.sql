CREATE TABLE provider (
    id               VARCHAR(64)   PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    base_url         VARCHAR(500)  NOT NULL,
    protocol         VARCHAR(20)   NOT NULL CHECK (protocol IN ('openai', 'anthropic')),
    zdr              BOOLEAN       NOT NULL,
    retains_prompts  BOOLEAN       NOT NULL,
    trains_on_data   BOOLEAN       NOT NULL,
    region           VARCHAR(20),
    updated_at       TIMESTAMPTZ   NOT NULL
);

CREATE TABLE model (
    id              VARCHAR(200)  PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    context_length  INTEGER       NOT NULL CHECK (context_length > 0),
    tools           BOOLEAN       NOT NULL,
    json_mode       BOOLEAN       NOT NULL,
    vision          BOOLEAN       NOT NULL,
    streaming       BOOLEAN       NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL
);

-- Prices in USD per token; scale 16 holds any per-million price with 10 decimals exactly.
CREATE TABLE endpoint (
    model_id               VARCHAR(200)    NOT NULL REFERENCES model (id),
    provider_id            VARCHAR(64)     NOT NULL REFERENCES provider (id),
    upstream_model         VARCHAR(200)    NOT NULL,
    prompt_price           NUMERIC(30, 16) NOT NULL CHECK (prompt_price >= 0),
    completion_price       NUMERIC(30, 16) NOT NULL CHECK (completion_price >= 0),
    quantization           VARCHAR(20)     NOT NULL,
    context_length         INTEGER,
    max_completion_tokens  INTEGER,
    updated_at             TIMESTAMPTZ     NOT NULL,
    PRIMARY KEY (model_id, provider_id)
);
CREATE INDEX endpoint_provider ON endpoint (provider_id);

-- Which catalogue files were applied, so a restart does not seed over admin edits.
CREATE TABLE catalog_seed (
    name        VARCHAR(100)  NOT NULL,
    version     INTEGER       NOT NULL,
    applied_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (name, version)
);

-- The gateway's provider attempts, once per CloudEvent id; the live statistics read the last 30 minutes.
CREATE TABLE provider_attempt (
    event_id                VARCHAR(200)  PRIMARY KEY,
    generation_id           VARCHAR(100),
    provider                VARCHAR(64)   NOT NULL,
    model                   VARCHAR(200)  NOT NULL,
    outcome                 VARCHAR(20)   NOT NULL,
    status                  INTEGER       NOT NULL,
    latency_ms              BIGINT        NOT NULL,
    time_to_first_token_ms  BIGINT,
    completion_tokens       BIGINT        NOT NULL,
    attempted_at            TIMESTAMPTZ   NOT NULL
);
CREATE INDEX provider_attempt_recent ON provider_attempt (attempted_at);
