package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.domain.ByokCredential;
import java.util.List;
import java.util.Optional;

public interface ByokRepository {

    /** Inserts or replaces the workspace's credential for its provider. */
    void save(ByokCredential credential);

    Optional<ByokCredential> find(String workspaceId, String provider);

    List<ByokCredential> all(String workspaceId);

    boolean delete(String workspaceId, String provider);
}
