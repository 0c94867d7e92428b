-- The statistics now read each endpoint's latest attempts in the window (at most
-- EndpointStats.LATEST_ATTEMPTS of them), so a snapshot's cost no longer grows with the traffic of the
-- last 30 minutes: it scanned the whole window every 5 s (~250 ms for 100,000 attempts). That needs
-- attempts by endpoint and time again, which costs every insert one more index entry.
CREATE INDEX provider_attempt_endpoint ON provider_attempt (provider, model, attempted_at);
