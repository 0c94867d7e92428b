-- Named guardrails: reusable policies of an organization (OpenRouter's guardrails). rules holds what the
-- API wrote, as JSON; revision counts the writes. workspace_id only places it (null: organization-wide).
CREATE TABLE named_guardrail (
    id               VARCHAR(64)    PRIMARY KEY,
    organization_id  VARCHAR(64)    NOT NULL,
    workspace_id     VARCHAR(64),
    name             VARCHAR(200)   NOT NULL,
    description      VARCHAR(1000),
    rules            TEXT           NOT NULL,
    revision         BIGINT         NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL
);
CREATE INDEX named_guardrail_org ON named_guardrail (organization_id, created_at, id);

-- A key holds at most one guardrail (the primary key); deleting the guardrail deletes its assignments.
CREATE TABLE guardrail_key_assignment (
    key_id           VARCHAR(64)    PRIMARY KEY,
    id               VARCHAR(64)    NOT NULL UNIQUE,
    organization_id  VARCHAR(64)    NOT NULL,
    guardrail_id     VARCHAR(64)    NOT NULL REFERENCES named_guardrail (id) ON DELETE CASCADE,
    assigned_by      VARCHAR(255),
    created_at       TIMESTAMPTZ    NOT NULL
);
CREATE INDEX guardrail_key_assignment_guardrail ON guardrail_key_assignment (guardrail_id);
CREATE INDEX guardrail_key_assignment_org ON guardrail_key_assignment (organization_id, created_at);

-- A member (a user of the organization) holds at most one guardrail, in every workspace of the organization.
CREATE TABLE guardrail_member_assignment (
    organization_id  VARCHAR(64)    NOT NULL,
    user_id          VARCHAR(255)   NOT NULL,
    id               VARCHAR(64)    NOT NULL UNIQUE,
    guardrail_id     VARCHAR(64)    NOT NULL REFERENCES named_guardrail (id) ON DELETE CASCADE,
    assigned_by      VARCHAR(255),
    created_at       TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX guardrail_member_assignment_guardrail ON guardrail_member_assignment (guardrail_id);

-- A workspace's default guardrail: applies to every request of the workspace.
CREATE TABLE workspace_default_guardrail (
    workspace_id     VARCHAR(64)    PRIMARY KEY,
    organization_id  VARCHAR(64)    NOT NULL,
    guardrail_id     VARCHAR(64)    NOT NULL REFERENCES named_guardrail (id) ON DELETE CASCADE,
    set_by           VARCHAR(255),
    set_at           TIMESTAMPTZ    NOT NULL
);
CREATE INDEX workspace_default_guardrail_guardrail ON workspace_default_guardrail (guardrail_id);
