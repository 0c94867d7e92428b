package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.ApiKeySecret;
import dev.atrium.workspace.domain.ManagementKey;
import java.util.Optional;
import java.util.Set;

/** An organization's management keys: issued and revoked by its admins, resolved at every service. */
public final class ManagementKeyUseCases {

    private ManagementKeyUseCases() {
    }

    public interface IssueManagementKeyUseCase {

        /** The key and its secret; the secret exists only in this answer. */
        IssuedManagementKey issue(IssueManagementKeyCommand command);
    }

    public interface RevokeManagementKeyUseCase {

        /** The key is refused from now on (services that cache its resolution: within a second). */
        void revoke(String organizationId, String keyId);
    }

    public interface ManagementKeyQuery {

        Page<ManagementKey> list(String organizationId, PageRequest page);
    }

    public interface ResolveManagementKeyUseCase {

        /**
         * The key's organization, creator and the creator's group paths in that organization now; empty for an
         * unknown, malformed or revoked key, or one whose creator holds no right left in the organization.
         */
        Optional<ResolvedManagementKey> resolve(String secret);
    }

    public record IssuedManagementKey(ManagementKey key, ApiKeySecret secret) {
    }

    public record ResolvedManagementKey(ManagementKey key, Set<String> groups) {
    }

    public record IssueManagementKeyCommand(String organizationId, String name, String creatorUserId) {

        public static IssueManagementKeyCommand of(String organizationId, String name, String creatorUserId) {
            return new IssueManagementKeyCommand(organizationId, InvalidFieldException.requireText("name", name, 200),
                    creatorUserId);
        }
    }
}
