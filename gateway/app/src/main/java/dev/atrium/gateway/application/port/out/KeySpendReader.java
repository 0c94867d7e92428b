package dev.atrium.gateway.application.port.out;

import dev.atrium.guardrail.api.KeyDataRegions;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;

/** What guardrail-service says of a key: what it has spent against its limit, and where its policy lets it go. */
public interface KeySpendReader {

    Uni<KeySpend> spend(String keyId);

    /** The data regions the key's effective policy allows, in the organization and workspace it resolved to. */
    Uni<KeyDataRegions> dataRegions(KeyContext key);
}
