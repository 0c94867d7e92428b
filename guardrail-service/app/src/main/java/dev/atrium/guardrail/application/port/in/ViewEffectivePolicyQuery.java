package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.budget.BudgetStatus;
import dev.atrium.guardrail.domain.policy.EffectivePolicy;
import java.util.List;

public interface ViewEffectivePolicyQuery {

    /** The organization's and workspace's policies merged, with their budgets' spend. */
    default EffectiveView effective(String organizationId, String workspaceId) {
        return effective(organizationId, workspaceId, null);
    }

    /** As above, with the key's owner's member policy, the key's policy and the key's own limit when a key is given. */
    EffectiveView effective(String organizationId, String workspaceId, String keyId);

    /** The merged policy alone, as {@link #effective} has it, without reading the budgets' spend. */
    EffectivePolicy policy(String organizationId, String workspaceId, String keyId);

    record EffectiveView(EffectivePolicy policy, List<BudgetStatus> budgets) {
    }
}
