package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A posting as the ledger stored it; {@code sequence} orders all entries. */
public record LedgerEntry(long sequence, String transactionId, String organizationId, TransactionKind kind,
        String reference, AccountType account, Direction direction, BigDecimal amount, Instant createdAt) {
}
