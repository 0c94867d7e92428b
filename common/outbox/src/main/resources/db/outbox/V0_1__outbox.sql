-- Events written in the same transaction as the change they describe; relayed to Kafka in order.
CREATE TABLE outbox_event (
    seq         BIGSERIAL PRIMARY KEY,
    event_id    VARCHAR(64)  NOT NULL UNIQUE,
    topic       VARCHAR(128) NOT NULL,
    record_key  VARCHAR(128) NOT NULL,
    event_type  VARCHAR(128) NOT NULL,
    source      VARCHAR(128) NOT NULL,
    payload     TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
