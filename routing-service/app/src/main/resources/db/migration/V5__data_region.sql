-- OpenRouter's data region of each provider's endpoints, which guardrails' allowed_data_regions filter on.
-- Existing rows take it from the descriptive region: 'eu' and 'us' providers keep requests there, any other
-- (or none) promises no region, which OpenRouter calls 'global'. Admins correct it through the catalogue API.
ALTER TABLE provider ADD COLUMN data_region VARCHAR(10) NOT NULL DEFAULT 'global'
    CHECK (data_region IN ('global', 'europe', 'us'));
UPDATE provider SET data_region = CASE region WHEN 'eu' THEN 'europe' WHEN 'us' THEN 'us' ELSE 'global' END;
-- The local simulator's providers (only in a local stack) as local-providers.json now seeds them, so a stack
-- seeded before this column has one provider per region to try guardrails with.
UPDATE provider SET data_region = 'europe' WHERE id = 'sim-fast';
UPDATE provider SET data_region = 'us' WHERE id = 'sim-cheap';
