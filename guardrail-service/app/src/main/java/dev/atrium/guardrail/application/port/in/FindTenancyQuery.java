package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import java.util.Optional;

/** Workspaces and keys known from workspace events, for authorization and views. */
public interface FindTenancyQuery {

    Optional<KnownWorkspace> workspace(String workspaceId);

    Optional<KnownKey> key(String keyId);
}
