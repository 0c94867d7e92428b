package dev.atrium.guardrail.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;

public interface ModerateOutputUseCase {

    /** Runs the key's effective content filters over an answer: block (403), redactions, flags. Holds nothing. */
    ModerationResult moderate(ModerateCommand command);

    record ModerateCommand(String organizationId, String workspaceId, String keyId, String text) {

        public static ModerateCommand of(ModerationRequest request) {
            if (request == null) {
                throw new InvalidFieldException("organization_id", "organization_id is required");
            }
            String organizationId = InvalidFieldException.requireText("organization_id", request.organizationId(), 64);
            String workspaceId = InvalidFieldException.requireText("workspace_id", request.workspaceId(), 64);
            if (request.text() == null) {
                throw new InvalidFieldException("text", "text is required");
            }
            if (request.text().length() > CheckPolicyUseCase.CheckCommand.MAX_TEXT) {
                throw new InvalidFieldException("text", "text may have at most "
                        + CheckPolicyUseCase.CheckCommand.MAX_TEXT + " characters");
            }
            String keyId = request.keyId() == null || request.keyId().isBlank() ? null : request.keyId();
            return new ModerateCommand(organizationId, workspaceId, keyId, request.text());
        }
    }
}
