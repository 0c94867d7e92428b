-- Workspaces billing has met, from usage records or workspace-service's events: the organization a
-- workspace belongs to is what authorizes its reports. The first organization learned for an id stays.
CREATE TABLE workspace (
    id               VARCHAR(100)  PRIMARY KEY,
    organization_id  VARCHAR(100)  NOT NULL,
    learned_at       TIMESTAMPTZ   NOT NULL
);

-- Workspace usage reports and statements read one workspace's generations over a period.
CREATE INDEX generation_workspace_time ON generation (organization_id, workspace_id, created_at);
