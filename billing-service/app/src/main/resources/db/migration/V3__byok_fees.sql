-- BYOK fees: a generation the workspace's own provider key paid for debits the organization's
-- credits a fee (a percentage of the upstream cost) instead of the cost, to its own account.
ALTER TABLE account DROP CONSTRAINT account_type_check;
ALTER TABLE account ADD CONSTRAINT account_type_check
    CHECK (type IN ('credits', 'usage_revenue', 'funding', 'grants', 'byok_fees'));

ALTER TABLE ledger_transaction DROP CONSTRAINT ledger_transaction_kind_check;
ALTER TABLE ledger_transaction ADD CONSTRAINT ledger_transaction_kind_check
    CHECK (kind IN ('top_up', 'grant', 'usage', 'byok_fee'));

-- The fee charged for a BYOK generation at the rate of the moment it was booked (0 included). NULL
-- when the cost itself was debited: every generation on the platform's credentials, and the BYOK
-- ones booked before this migration (those were debited their cost as usage).
ALTER TABLE generation ADD COLUMN byok_fee NUMERIC(30, 10) CHECK (byok_fee >= 0);
ALTER TABLE generation ADD CONSTRAINT generation_byok_fee_only_for_byok CHECK (byok_fee IS NULL OR byok);
