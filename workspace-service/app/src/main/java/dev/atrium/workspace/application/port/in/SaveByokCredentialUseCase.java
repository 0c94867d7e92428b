package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.ByokCredential;
import java.util.List;

public interface SaveByokCredentialUseCase {

    /** Creates or replaces the workspace's key for the provider. */
    ByokCredential save(SaveByokCredentialCommand command);

    /** {@code toString} leaves the key out, so a logged command leaks nothing. */
    record SaveByokCredentialCommand(String workspaceId, String provider, String key, boolean isFallback,
            List<String> allowedModels) {

        public static SaveByokCredentialCommand of(String workspaceId, String provider, String key,
                Boolean isFallback, List<String> allowedModels) {
            if (key == null || key.isBlank()) {
                throw new InvalidFieldException("key", "key is required");
            }
            if (key.length() > 4096) {
                throw new InvalidFieldException("key", "key must be at most 4096 characters");
            }
            List<String> models = allowedModels == null ? List.of() : allowedModels;
            for (String model : models) {
                Commands.model("allowed_models", model);
                if (model == null) {
                    throw new InvalidFieldException("allowed_models", "allowed_models must not contain null");
                }
            }
            if (models.size() > 100) {
                throw new InvalidFieldException("allowed_models", "allowed_models may list at most 100 models");
            }
            return new SaveByokCredentialCommand(workspaceId, Commands.provider(provider), key.strip(),
                    Boolean.TRUE.equals(isFallback), List.copyOf(models));
        }

        @Override
        public String toString() {
            return "SaveByokCredentialCommand[" + workspaceId + "/" + provider + "]";
        }
    }
}
