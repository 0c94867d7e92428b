package dev.atrium.billing.domain;

import java.util.Locale;

/** Why a ledger transaction happened. */
public enum TransactionKind {
    TOP_UP, GRANT, USAGE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransactionKind parse(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
