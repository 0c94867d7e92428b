-- How the gateway's deliveries to each observability destination went, so a failing one is visible.
-- Written by the gateway through /internal/v1/workspaces/{ws}/observability/status, throttled.
CREATE TABLE observability_delivery (
    workspace_id     VARCHAR(40)    NOT NULL REFERENCES workspace (id),
    endpoint         VARCHAR(2048)  NOT NULL,
    last_success_at  TIMESTAMPTZ,
    last_error       VARCHAR(300),
    last_error_at    TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, endpoint)
);
