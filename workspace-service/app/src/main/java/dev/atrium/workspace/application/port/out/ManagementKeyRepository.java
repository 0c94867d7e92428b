package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.domain.ManagementKey;
import java.util.Optional;

public interface ManagementKeyRepository {

    void add(ManagementKey key);

    void update(ManagementKey key);

    /** A key not revoked, by the keyed hash of its secret. */
    Optional<ManagementKey> findLiveByHash(String hash);

    /** A key not revoked, of that organization. */
    Optional<ManagementKey> findLive(String organizationId, String keyId);

    /** The organization's keys not revoked, oldest first. */
    Page<ManagementKey> list(String organizationId, PageRequest page);
}
