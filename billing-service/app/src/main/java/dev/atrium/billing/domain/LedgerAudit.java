package dev.atrium.billing.domain;

import java.time.Instant;
import java.util.List;

/** The result of checking every organization's books: the organizations whose books do not hold. */
public record LedgerAudit(Instant checkedAt, List<LedgerInvariants> violations) {

    public LedgerAudit {
        violations = List.copyOf(violations);
    }
}
