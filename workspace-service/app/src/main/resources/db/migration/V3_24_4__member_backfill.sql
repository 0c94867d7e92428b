-- member_group began empty (V3_18) while Keycloak already held the memberships granted before it; every
-- service now authorizes user tokens from member_group (docs/adr/0025), so workspace-service copies
-- Keycloak's memberships into it once (MemberBackfill) and records here that the copy was made.
CREATE TABLE member_backfill (
    done_at  TIMESTAMPTZ  NOT NULL
);
