package dev.atrium.billing.domain;

import java.util.Locale;

/** The side of an entry. */
public enum Direction {
    DEBIT, CREDIT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction parse(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
