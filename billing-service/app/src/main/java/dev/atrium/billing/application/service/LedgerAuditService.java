package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.AuditLedgersUseCase;
import dev.atrium.billing.application.port.out.BillingMetrics;
import dev.atrium.billing.application.port.out.LedgerRepository;
import dev.atrium.billing.domain.LedgerAudit;
import dev.atrium.billing.domain.LedgerInvariants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

@ApplicationScoped
public class LedgerAuditService implements AuditLedgersUseCase {

    private static final Logger LOG = Logger.getLogger(LedgerAuditService.class);

    private final LedgerRepository ledger;
    private final BillingMetrics metrics;
    private final Clock clock;

    public LedgerAuditService(LedgerRepository ledger, BillingMetrics metrics, Clock clock) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    @Transactional
    public LedgerAudit audit() {
        LedgerAudit audit = new LedgerAudit(clock.instant(), ledger.violations());
        for (LedgerInvariants v : audit.violations()) {
            LOG.errorf("Ledger invariant violated for organization %s: %s", v.organizationId(), v.describe());
        }
        metrics.invariantViolations(audit.violations().size());
        return audit;
    }
}
