-- An organization's management keys: they manage with their creator's rights in the organization at the
-- time of use (member_group) and never call models. Only the keyed hash of the secret is kept.
CREATE TABLE management_key (
    id               VARCHAR(40)   PRIMARY KEY,
    organization_id  VARCHAR(40)   NOT NULL REFERENCES organization (id),
    name             VARCHAR(200)  NOT NULL,
    prefix           VARCHAR(40)   NOT NULL,
    last4            VARCHAR(4)    NOT NULL,
    key_hash         VARCHAR(64)   NOT NULL UNIQUE,
    creator_user_id  VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    revoked_at       TIMESTAMPTZ
);
CREATE INDEX management_key_organization ON management_key (organization_id, created_at, id) WHERE revoked_at IS NULL;
