package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What workspace events taught us about workspaces and keys. */
public interface TenancyRepository {

    void saveWorkspace(KnownWorkspace workspace);

    void saveKey(KnownKey key);

    Optional<KnownWorkspace> findWorkspace(String workspaceId);

    Optional<KnownKey> findKey(String keyId);

    /** The known keys among {@code keyIds}, by id, in one query. */
    Map<String, KnownKey> findKeys(Collection<String> keyIds);
}
