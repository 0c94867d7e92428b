CREATE TABLE organization (
    id          VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    slug        VARCHAR(63)  NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE workspace (
    id                     VARCHAR(40)  PRIMARY KEY,
    organization_id        VARCHAR(40)  NOT NULL REFERENCES organization (id),
    name                   VARCHAR(200) NOT NULL,
    slug                   VARCHAR(63)  NOT NULL,
    default_text_model     VARCHAR(200),
    default_provider_sort  VARCHAR(20),
    archived               BOOLEAN      NOT NULL DEFAULT FALSE,
    settings_revision      BIGINT       NOT NULL DEFAULT 1,
    created_at             TIMESTAMPTZ  NOT NULL,
    UNIQUE (organization_id, slug)
);

CREATE TABLE api_key (
    id                     VARCHAR(40)   PRIMARY KEY,
    workspace_id           VARCHAR(40)   NOT NULL REFERENCES workspace (id),
    organization_id        VARCHAR(40)   NOT NULL REFERENCES organization (id),
    name                   VARCHAR(200)  NOT NULL,
    prefix                 VARCHAR(20)   NOT NULL,
    last4                  VARCHAR(4)    NOT NULL,
    key_hash               VARCHAR(64)   NOT NULL UNIQUE,
    owner_user_id          VARCHAR(64),
    spend_limit            NUMERIC(30, 10),
    limit_reset            VARCHAR(10),
    include_byok_in_limit  BOOLEAN       NOT NULL DEFAULT FALSE,
    expires_at             TIMESTAMPTZ,
    disabled               BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at             TIMESTAMPTZ   NOT NULL
);
CREATE INDEX api_key_workspace ON api_key (workspace_id);
