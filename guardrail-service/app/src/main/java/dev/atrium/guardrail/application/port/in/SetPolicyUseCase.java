package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.policy.Level;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import java.util.Objects;

public interface SetPolicyUseCase {

    /** Replaces the scope's policy, as a new numbered revision, and announces the change. */
    StoredPolicy set(SetPolicyCommand command);

    /**
     * A write at one level, with the tenant it belongs to (the organization keys the change's
     * event; {@code workspaceId} is null at organization level).
     */
    record SetPolicyCommand(String organizationId, String workspaceId, PolicyScope scope, PolicyDocument document,
            String author) {

        public SetPolicyCommand {
            Objects.requireNonNull(organizationId, "organizationId");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(document, "document");
            if ((scope.level() == Level.ORGANIZATION) != (workspaceId == null)) {
                throw new IllegalArgumentException("Only an organization's policy has no workspace");
            }
        }

        public static SetPolicyCommand organization(String organizationId, PolicyDocument document, String author) {
            return new SetPolicyCommand(organizationId, null, PolicyScope.organization(organizationId), document,
                    author);
        }

        public static SetPolicyCommand workspace(String organizationId, String workspaceId, PolicyDocument document,
                String author) {
            return new SetPolicyCommand(organizationId, workspaceId, PolicyScope.workspace(workspaceId), document,
                    author);
        }

        public static SetPolicyCommand member(String organizationId, String workspaceId, String userId,
                PolicyDocument document, String author) {
            return new SetPolicyCommand(organizationId, workspaceId, PolicyScope.member(workspaceId, userId), document,
                    author);
        }

        public static SetPolicyCommand key(String organizationId, String workspaceId, String keyId,
                PolicyDocument document, String author) {
            return new SetPolicyCommand(organizationId, workspaceId, PolicyScope.key(keyId), document, author);
        }
    }
}
