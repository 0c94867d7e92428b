package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase;
import dev.atrium.guardrail.application.port.in.ViewEffectivePolicyQuery;
import dev.atrium.guardrail.application.port.out.PolicyRepository;
import dev.atrium.guardrail.domain.AllowList;
import dev.atrium.guardrail.domain.EffectivePolicy;
import dev.atrium.guardrail.domain.LevelPolicy;
import dev.atrium.guardrail.domain.PolicyCheck;
import dev.atrium.guardrail.domain.PolicyMerge;
import dev.atrium.guardrail.domain.PolicyScope;
import dev.atrium.guardrail.domain.StoredPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Merges the levels' policies at read time, so a ceiling change applies to every workspace at once. */
@ApplicationScoped
public class EffectivePolicyService implements ViewEffectivePolicyQuery, CheckPolicyUseCase {

    private final PolicyRepository policies;

    public EffectivePolicyService(PolicyRepository policies) {
        this.policies = policies;
    }

    @Override
    @Transactional
    public EffectivePolicy effective(String organizationId, String workspaceId) {
        return PolicyMerge.merge(List.of(level(PolicyScope.organization(organizationId)),
                level(PolicyScope.workspace(workspaceId))));
    }

    @Override
    @Transactional
    public CheckResult check(CheckCommand command) {
        EffectivePolicy policy = effective(command.organizationId(), command.workspaceId());
        return PolicyCheck.denial(policy, command.models(), command.maxTokens())
                .map(reason -> CheckResult.deny(403, reason, policy.policyRevision()))
                .orElseGet(() -> new CheckResult(true, 200, null, constraints(policy), null, policy.policyRevision()));
    }

    private LevelPolicy level(PolicyScope scope) {
        return LevelPolicy.of(policies.find(scope).orElseGet(() -> StoredPolicy.none(scope)));
    }

    /** An allowed request never carries an allow-list that allows nothing, so empty means unrestricted here. */
    private static Constraints constraints(EffectivePolicy p) {
        return new Constraints(patterns(p.allowedModels()), p.ignoredModels(), patterns(p.allowedProviders()),
                p.ignoredProviders(), p.requiresZdr(), p.deniesDataCollection(), p.maxTokens());
    }

    private static List<String> patterns(AllowList list) {
        return list.restricted() ? list.patterns() : List.of();
    }
}
