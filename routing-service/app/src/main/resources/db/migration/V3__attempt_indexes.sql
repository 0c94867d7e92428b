-- Every attempt pays for every index on insert, and the statistics (which the circuits read too) scan
-- the whole window once per snapshot with a range on attempted_at; so does the pruning. Nothing reads
-- attempts by endpoint, so that index only cost inserts.
DROP INDEX IF EXISTS provider_attempt_endpoint;
