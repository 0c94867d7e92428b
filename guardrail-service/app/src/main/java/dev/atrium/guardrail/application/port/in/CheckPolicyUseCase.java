package dev.atrium.guardrail.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import java.util.List;
import java.util.Objects;

public interface CheckPolicyUseCase {

    /** Allow or deny (403 with the limit and level named), with the constraints routing must honour. */
    CheckResult check(CheckCommand command);

    record CheckCommand(String organizationId, String workspaceId, String keyId, List<String> models,
            Integer maxTokens) {

        public static CheckCommand of(CheckRequest request) {
            if (request == null) {
                throw new InvalidFieldException("organization_id", "organization_id is required");
            }
            if (request.maxTokens() != null && request.maxTokens() < 1) {
                throw new InvalidFieldException("max_tokens", "max_tokens must be greater than 0");
            }
            List<String> models = request.models() == null ? List.of()
                    : request.models().stream().filter(Objects::nonNull).toList();
            return new CheckCommand(InvalidFieldException.requireText("organization_id", request.organizationId(), 64),
                    InvalidFieldException.requireText("workspace_id", request.workspaceId(), 64), request.keyId(),
                    models, request.maxTokens());
        }
    }
}
