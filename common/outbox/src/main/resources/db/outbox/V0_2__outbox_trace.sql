-- The W3C traceparent of the request that wrote the event, so the relayed record joins its trace.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(64);
