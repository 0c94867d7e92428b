-- Workspaces learned from atrium.workspace.events: who may read and change their routing.
CREATE TABLE workspace (
    id               VARCHAR(100)  PRIMARY KEY,
    organization_id  VARCHAR(100)  NOT NULL,
    archived         BOOLEAN       NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL
);

-- A workspace's routing defaults: the provider object as JSON, applied under each request's own.
CREATE TABLE workspace_routing (
    workspace_id  VARCHAR(100)  PRIMARY KEY REFERENCES workspace (id),
    preferences   TEXT          NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    updated_by    VARCHAR(200)
);

-- The statistics and circuits group attempts by endpoint.
CREATE INDEX provider_attempt_endpoint ON provider_attempt (provider, model, attempted_at);
