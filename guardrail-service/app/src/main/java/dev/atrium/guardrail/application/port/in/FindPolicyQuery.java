package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.policy.StoredPolicy;

public interface FindPolicyQuery {

    /** The scope's policy in force; an empty one at revision 0 when none was written. */
    StoredPolicy policy(PolicyScope scope);
}
