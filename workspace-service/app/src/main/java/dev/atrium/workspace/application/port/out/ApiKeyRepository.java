package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.domain.ApiKey;
import java.util.Optional;

public interface ApiKeyRepository {

    void add(ApiKey key);

    void update(ApiKey key);

    /** By its current hash or, after a rotation, its previous one. */
    Optional<ApiKey> findByHash(String hash);

    Optional<ApiKey> findKey(String workspaceId, String keyId);

    /** Unrevoked keys, oldest first. */
    Page<ApiKey> list(String workspaceId, PageRequest page);
}
