package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.domain.ApiKey;
import java.util.Optional;

public interface ApiKeyRepository {

    void add(ApiKey key);

    Optional<ApiKey> findByHash(String hash);
}
