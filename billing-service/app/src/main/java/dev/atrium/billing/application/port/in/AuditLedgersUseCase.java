package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.LedgerAudit;

/** Checks every organization's books, logs what does not hold and reports it as a metric. */
public interface AuditLedgersUseCase {

    LedgerAudit audit();
}
