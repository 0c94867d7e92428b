package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InputRules;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.ApiKeySecret;
import dev.atrium.workspace.api.LimitReset;
import java.math.BigDecimal;
import java.time.Instant;

public interface IssueApiKeyUseCase {

    /** The key and its secret; the secret exists only in this answer. */
    IssuedApiKey issue(IssueApiKeyCommand command);

    record IssuedApiKey(ApiKey key, ApiKeySecret secret) {
    }

    /**
     * {@code ownerNamed}: the request named {@code ownerUserId}, which must then be a member of the
     * workspace or an admin of its organization; otherwise the owner is the caller.
     */
    record IssueApiKeyCommand(String workspaceId, String name, BigDecimal limit, LimitReset limitReset,
            boolean includeByokInLimit, Instant expiresAt, String ownerUserId, boolean ownerNamed) {

        /** The caller ({@code ownerUserId}) owns the key. */
        public static IssueApiKeyCommand of(String workspaceId, String name, BigDecimal limit, String limitReset,
                Boolean includeByokInLimit, Instant expiresAt, String ownerUserId, Instant now) {
            return of(workspaceId, name, limit, limitReset, includeByokInLimit, expiresAt, ownerUserId, false, now);
        }

        public static IssueApiKeyCommand of(String workspaceId, String name, BigDecimal limit, String limitReset,
                Boolean includeByokInLimit, Instant expiresAt, String ownerUserId, boolean ownerNamed,
                Instant now) {
            InputRules.amount("limit", limit);
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                throw new InvalidFieldException("expires_at", "expires_at must be in the future");
            }
            LimitReset reset;
            try {
                reset = LimitReset.parse(limitReset);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("limit_reset", e.getMessage());
            }
            return new IssueApiKeyCommand(workspaceId, InvalidFieldException.requireText("name", name, 200), limit,
                    reset, Boolean.TRUE.equals(includeByokInLimit), expiresAt,
                    InputRules.optionalId("owner_user_id", ownerUserId), ownerNamed);
        }
    }
}
