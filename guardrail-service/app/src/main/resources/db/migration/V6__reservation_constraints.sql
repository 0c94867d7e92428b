-- The database refuses what the reservation protocol (R__reservation_protocol.sql) must never write:
-- a negative hold, spend or count. The protocol no longer clamps at zero, so a give-back that would
-- take more than was held fails its transaction instead of hiding the drift.
ALTER TABLE spend_counter ADD CONSTRAINT spend_counter_not_negative
    CHECK (spent >= 0 AND spent_byok >= 0 AND reserved >= 0);
ALTER TABLE credit_balance ADD CONSTRAINT credit_balance_reserved_not_negative CHECK (reserved >= 0);
ALTER TABLE reservation ADD CONSTRAINT reservation_credit_hold_not_negative CHECK (credit_hold >= 0);
ALTER TABLE reservation_hold ADD CONSTRAINT reservation_hold_amount_not_negative CHECK (amount >= 0);
ALTER TABLE rate_counter ADD CONSTRAINT rate_counter_not_negative CHECK (requests >= 0 AND tokens >= 0);

-- The reconciliation reads only counters that hold something (and the holds), not every window ever counted.
CREATE INDEX spend_counter_holding ON spend_counter (level, scope_id, budget_window, window_start)
    WHERE reserved <> 0;
