package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InputRules;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.api.LimitReset;
import java.math.BigDecimal;
import java.time.Instant;

public interface UpdateApiKeyUseCase {

    ApiKey update(UpdateApiKeyCommand command);

    record UpdateApiKeyCommand(String workspaceId, String keyId, Patch<String> name, Patch<BigDecimal> limit,
            Patch<LimitReset> limitReset, Patch<Boolean> includeByokInLimit, Patch<Instant> expiresAt,
            Patch<Boolean> disabled) {

        public static UpdateApiKeyCommand of(String workspaceId, String keyId, Patch<String> name,
                Patch<BigDecimal> limit, Patch<String> limitReset, Patch<Boolean> includeByokInLimit,
                Patch<Instant> expiresAt, Patch<Boolean> disabled, Instant now) {
            if (name.present()) {
                InvalidFieldException.requireText("name", name.value(), 200);
            }
            if (limit.present()) {
                InputRules.amount("limit", limit.value());
            }
            if (expiresAt.present() && expiresAt.value() != null && !expiresAt.value().isAfter(now)) {
                throw new InvalidFieldException("expires_at", "expires_at must be in the future");
            }
            requireNotNull("include_byok_in_limit", includeByokInLimit);
            requireNotNull("disabled", disabled);
            Patch<LimitReset> reset;
            try {
                reset = limitReset.present() ? Patch.of(LimitReset.parse(limitReset.value())) : Patch.keep();
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("limit_reset", e.getMessage());
            }
            return new UpdateApiKeyCommand(workspaceId, keyId,
                    name.present() ? Patch.of(name.value().strip()) : name, limit, reset, includeByokInLimit,
                    expiresAt, disabled);
        }

        private static void requireNotNull(String field, Patch<Boolean> patch) {
            if (patch.present() && patch.value() == null) {
                throw new InvalidFieldException(field, field + " must be true or false");
            }
        }
    }
}
