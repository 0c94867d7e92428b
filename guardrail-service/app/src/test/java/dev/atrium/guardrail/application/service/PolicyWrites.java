package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.SetPolicyUseCase.SetPolicyCommand;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.policy.PolicyScope;

/** Writes for use-case tests: below the ceiling every scope belongs to org_1 (a key to ws_1). */
final class PolicyWrites {

    private PolicyWrites() {
    }

    static SetPolicyCommand of(PolicyScope scope, PolicyDocument document, String author) {
        return switch (scope.level()) {
            case ORGANIZATION -> new SetPolicyCommand(scope.id(), null, scope, document, author);
            case WORKSPACE -> new SetPolicyCommand("org_1", scope.id(), scope, document, author);
            case MEMBER -> new SetPolicyCommand("org_1", scope.id().substring(0, scope.id().indexOf('/')), scope,
                    document, author);
            case KEY -> new SetPolicyCommand("org_1", "ws_1", scope, document, author);
        };
    }
}
