package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.PolicyDocument;
import dev.atrium.guardrail.domain.PolicyScope;
import dev.atrium.guardrail.domain.StoredPolicy;
import java.util.Objects;

public interface SetPolicyUseCase {

    /** Replaces the scope's policy, as a new numbered revision. */
    StoredPolicy set(SetPolicyCommand command);

    record SetPolicyCommand(PolicyScope scope, PolicyDocument document, String author) {

        public SetPolicyCommand {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(document, "document");
        }
    }
}
