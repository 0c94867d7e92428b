package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.EffectivePolicy;

public interface ViewEffectivePolicyQuery {

    EffectivePolicy effective(String organizationId, String workspaceId);
}
