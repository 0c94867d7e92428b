-- This service's own record of who holds which group path (mirrored to Keycloak): management rights
-- and key ownership are decided from it, so a removal applies at once, not when a token expires.
CREATE TABLE member_group (
    user_id     VARCHAR(64)   NOT NULL,
    group_path  VARCHAR(300)  NOT NULL,
    PRIMARY KEY (user_id, group_path)
);

-- Set when the key's owner left its workspace or was deleted; the key never resolves again.
ALTER TABLE api_key ADD COLUMN owner_removed_at TIMESTAMPTZ;
CREATE INDEX api_key_owner ON api_key (organization_id, owner_user_id) WHERE revoked_at IS NULL;
