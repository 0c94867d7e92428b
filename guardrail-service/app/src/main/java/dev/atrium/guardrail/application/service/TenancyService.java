package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.FindTenancyQuery;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.application.port.out.ProcessedEvents;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

@ApplicationScoped
public class TenancyService implements LearnTenancyUseCase, FindTenancyQuery {

    private final TenancyRepository tenancy;
    private final ProcessedEvents processed;
    private final LevelPolicies levels;
    private final BudgetLedger ledger;
    private final Clock clock;

    public TenancyService(TenancyRepository tenancy, ProcessedEvents processed, LevelPolicies levels,
            BudgetLedger ledger, Clock clock) {
        this.tenancy = tenancy;
        this.processed = processed;
        this.levels = levels;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * A new organization's credit is known from its creation on, at zero (credits fail closed), so its
     * requests are refused as having no credits until billing reports a balance, which replaces it.
     * Its policies need no row: they are created on the first write.
     */
    @Override
    @Transactional
    public void learn(TenancyEvent event) {
        if (!processed.markProcessed(event.eventId(), event.type(), clock.instant())) {
            return;
        }
        if (event instanceof OrganizationLearned o) {
            ledger.openCredit(o.organizationId());
        } else if (event instanceof WorkspaceLearned w) {
            tenancy.saveWorkspace(w.workspace());
        } else if (event instanceof KeyLearned k) {
            tenancy.saveKey(k.key());
            levels.changed();
        }
    }

    @Override
    @Transactional
    public Optional<KnownWorkspace> workspace(String workspaceId) {
        return tenancy.findWorkspace(workspaceId);
    }

    @Override
    @Transactional
    public Optional<KnownKey> key(String keyId) {
        return tenancy.findKey(keyId);
    }
}
