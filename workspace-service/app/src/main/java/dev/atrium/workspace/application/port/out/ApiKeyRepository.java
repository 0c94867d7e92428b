package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.domain.ApiKey;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    void add(ApiKey key);

    void update(ApiKey key);

    /** By its current hash or, after a rotation, its previous one. */
    Optional<ApiKey> findByHash(String hash);

    Optional<ApiKey> findKey(String workspaceId, String keyId);

    /** The organization's unrevoked keys owned by the user whose owner still counts (not yet removed). */
    List<ApiKey> ownedBy(String organizationId, String ownerUserId);

    /** The same in every organization. */
    List<ApiKey> ownedBy(String ownerUserId);

    /** Unrevoked keys, oldest first. */
    Page<ApiKey> list(String workspaceId, PageRequest page);
}
