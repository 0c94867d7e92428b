-- A hold names the gateway instance that asked for it and that instance's life (one start): when the
-- instance starts again, it gives back what its earlier lives held (ReleasePreviousLivesUseCase), minutes
-- before the sweep would (docs/adr/0019-holds-instance-release.md). Holds of callers that name no
-- holder keep both null and wait for the sweep.
ALTER TABLE reservation ADD COLUMN holder_instance VARCHAR(128);
ALTER TABLE reservation ADD COLUMN holder_life VARCHAR(64);
CREATE INDEX reservation_holder ON reservation (holder_instance, holder_life) WHERE holder_instance IS NOT NULL;

-- hold_reservation and admission gain the holder as two trailing parameters with defaults (in
-- R__reservation_protocol.sql, applied after this): the versions without them go, so a call naming
-- sixteen arguments (a guardrail not yet upgraded) resolves to the new admission, holding for no holder.
DROP FUNCTION admission(BOOLEAN, TEXT[], TEXT[], TEXT[], BIGINT, TEXT[], TEXT[], TEXT[], TEXT[], TEXT, TEXT, TEXT,
    NUMERIC, TIMESTAMPTZ, TIMESTAMPTZ, TEXT[]);
DROP FUNCTION hold_reservation(TEXT, TEXT, NUMERIC, TIMESTAMPTZ, TIMESTAMPTZ, TEXT[], TEXT[], TEXT[], TEXT[], TEXT[]);
