package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.KnownKey;
import dev.atrium.guardrail.domain.KnownWorkspace;
import java.util.Optional;

/** Workspaces and keys known from workspace events, for authorization and views. */
public interface FindTenancyQuery {

    Optional<KnownWorkspace> workspace(String workspaceId);

    Optional<KnownKey> key(String keyId);
}
