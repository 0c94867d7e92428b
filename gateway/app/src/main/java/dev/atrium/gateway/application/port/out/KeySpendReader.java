package dev.atrium.gateway.application.port.out;

import dev.atrium.guardrail.api.KeySpend;
import io.smallrye.mutiny.Uni;

/** What a key has spent against its limit, as guardrail-service counts it. */
public interface KeySpendReader {

    Uni<KeySpend> spend(String keyId);
}
