package dev.atrium.billing.domain;

import java.util.Locale;

/** Credits come in as paid top-ups or as grants; each is funded from its own account. */
public enum CreditKind {
    TOP_UP(AccountType.FUNDING, TransactionKind.TOP_UP),
    GRANT(AccountType.GRANTS, TransactionKind.GRANT);

    private final AccountType source;
    private final TransactionKind transactionKind;

    CreditKind(AccountType source, TransactionKind transactionKind) {
        this.source = source;
        this.transactionKind = transactionKind;
    }

    public AccountType source() {
        return source;
    }

    public TransactionKind transactionKind() {
        return transactionKind;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code top_up} or {@code grant} */
    public static CreditKind parse(String wire) {
        for (CreditKind kind : values()) {
            if (kind.wire().equals(wire)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind must be top_up or grant");
    }
}
