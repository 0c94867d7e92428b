package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.ViewEffectivePolicyQuery;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.domain.budget.ApplicableBudget;
import dev.atrium.guardrail.domain.budget.BudgetStatus;
import dev.atrium.guardrail.domain.budget.CounterState;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import dev.atrium.guardrail.domain.named.AppliedGuardrail;
import dev.atrium.guardrail.domain.policy.EffectivePolicy;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merges the levels' policies and the named guardrails applied at read time, so a ceiling change applies to
 * every workspace at once.
 */
@ApplicationScoped
public class EffectivePolicyService implements ViewEffectivePolicyQuery {

    private final LevelPolicies levels;
    private final BudgetLedger ledger;
    private final Clock clock;

    public EffectivePolicyService(LevelPolicies levels, BudgetLedger ledger, Clock clock) {
        this.levels = levels;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    @Transactional
    public EffectiveView effective(String organizationId, String workspaceId, String keyId) {
        KnownKey key = levels.key(keyId);
        String owner = key == null ? null : key.ownerUserId();
        List<StoredPolicy> stored = levels.stored(organizationId, workspaceId, owner, keyId);
        List<AppliedGuardrail> guardrails = levels.applied(organizationId, workspaceId, owner, keyId);
        Instant now = clock.instant();
        List<ApplicableBudget> budgets = new ArrayList<>(ApplicableBudget.of(stored, key));
        budgets.addAll(AppliedGuardrail.budgets(guardrails, workspaceId, owner, keyId));
        Map<SpendCounter, CounterState> states = ledger.read(budgets.stream().map(b -> b.counter(now)).toList());
        List<BudgetStatus> statuses = budgets.stream()
                .map(b -> BudgetStatus.of(b, states.getOrDefault(b.counter(now), CounterState.EMPTY), now)).toList();
        return new EffectiveView(levels.merge(stored, guardrails), statuses);
    }

    @Override
    @Transactional
    public EffectivePolicy policy(String organizationId, String workspaceId, String keyId) {
        KnownKey key = levels.key(keyId);
        String owner = key == null ? null : key.ownerUserId();
        return levels.merge(levels.stored(organizationId, workspaceId, owner, keyId),
                levels.applied(organizationId, workspaceId, owner, keyId));
    }
}
