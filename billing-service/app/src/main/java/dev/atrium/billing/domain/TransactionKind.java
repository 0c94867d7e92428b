package dev.atrium.billing.domain;

import java.util.Locale;

/**
 * Why a ledger transaction happened: credits added ({@code top_up}, {@code grant}), a generation's
 * cost ({@code usage}), or the fee on a generation the workspace's own provider key paid for
 * ({@code byok_fee}). A generation is debited by at most one of the last two.
 */
public enum TransactionKind {
    TOP_UP, GRANT, USAGE, BYOK_FEE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransactionKind parse(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
