package dev.atrium.billing.domain;

import java.math.BigDecimal;

/**
 * How one organization's credits balance moved when the ledger posted transactions for it.
 *
 * @param before    the balance before the first of them
 * @param after     the balance after the last of them
 * @param cause     the last transaction's kind
 * @param reference the last transaction's reference (credit or generation id)
 */
public record BalanceMove(BigDecimal before, Balance after, TransactionKind cause, String reference) {
}
