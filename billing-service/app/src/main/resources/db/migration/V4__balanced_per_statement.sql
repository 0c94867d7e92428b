-- The balance check ran once per entry at commit (a query per row, two per usage record); a usage
-- batch writes thousands of entries in one statement. It now runs once per statement, over the
-- entries that statement wrote: each transaction's entries in a statement must net to zero. Entries
-- are only ever inserted (ledger_entry_append_only), so a transaction whose entries balance in every
-- statement that wrote them balances in the ledger. LedgerWriter writes a transaction's entries in
-- one statement.
DROP TRIGGER ledger_entry_balanced ON ledger_entry;
DROP FUNCTION ledger_transaction_balanced();

CREATE FUNCTION ledger_transactions_balanced() RETURNS trigger AS $$
DECLARE
    unbalanced VARCHAR(40);
BEGIN
    SELECT transaction_id INTO unbalanced FROM added GROUP BY transaction_id
    HAVING SUM(CASE direction WHEN 'debit' THEN amount ELSE -amount END) <> 0
    LIMIT 1;
    IF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'ledger transaction % is unbalanced', unbalanced;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_entry_balanced
    AFTER INSERT ON ledger_entry
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_transactions_balanced();
