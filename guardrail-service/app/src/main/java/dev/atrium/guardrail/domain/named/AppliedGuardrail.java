package dev.atrium.guardrail.domain.named;

import dev.atrium.guardrail.domain.budget.ApplicableBudget;
import dev.atrium.guardrail.domain.budget.Budget;
import dev.atrium.guardrail.domain.policy.Level;
import dev.atrium.guardrail.domain.policy.LevelPolicy;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A named guardrail that governs a request, and where it applies: a workspace's default ({@link Level#WORKSPACE}),
 * the key owner's ({@link Level#MEMBER}) or the key's own ({@link Level#KEY}). Its policy is derived once.
 */
public record AppliedGuardrail(NamedGuardrail guardrail, Level appliedAt, LevelPolicy policy) {

    public static AppliedGuardrail of(NamedGuardrail guardrail, Level appliedAt) {
        if (appliedAt == Level.ORGANIZATION) {
            throw new IllegalArgumentException("A named guardrail never applies as the organization's ceiling");
        }
        return new AppliedGuardrail(guardrail, appliedAt,
                new LevelPolicy(appliedAt, guardrail.rules().document(), guardrail.revision(), guardrail.ref()));
    }

    /**
     * The levels' policies with each applied guardrail right below the level it applies at, ceiling first:
     * organization, workspace, workspace default guardrail, member, member's guardrail, key, key's guardrail.
     */
    public static List<LevelPolicy> interleave(List<LevelPolicy> levels, List<AppliedGuardrail> applied) {
        List<LevelPolicy> all = new ArrayList<>(levels);
        applied.forEach(a -> all.add(a.policy()));
        // Stable: the levels keep their order, a guardrail follows its level's own policy.
        all.sort(Comparator.comparingInt((LevelPolicy l) -> l.level().ordinal())
                .thenComparingInt(l -> l.guardrail() == null ? 0 : 1));
        return List.copyOf(all);
    }

    /**
     * Each guardrail's {@code limit_usd} as its own budget over the governed entity's spend (OpenRouter's
     * per-entity rule): a key's or a workspace default's counts the key's spend, a member's counts the
     * member's spend in the workspace. None applies where that entity is not known.
     */
    public static List<ApplicableBudget> budgets(List<AppliedGuardrail> applied, String workspaceId,
            String ownerUserId, String keyId) {
        List<ApplicableBudget> budgets = new ArrayList<>();
        for (AppliedGuardrail a : applied) {
            Budget budget = a.guardrail().rules().budget().asBudget();
            PolicyScope entity = a.appliedAt() == Level.MEMBER
                    ? ownerUserId == null ? null : PolicyScope.member(workspaceId, ownerUserId)
                    : keyId == null ? null : PolicyScope.key(keyId);
            if (budget != null && entity != null) {
                budgets.add(new ApplicableBudget(entity, budget, false, a.guardrail().ref()));
            }
        }
        return List.copyOf(budgets);
    }
}
