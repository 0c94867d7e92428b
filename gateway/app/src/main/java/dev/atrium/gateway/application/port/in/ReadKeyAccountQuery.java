package dev.atrium.gateway.application.port.in;

import dev.atrium.billing.api.GenerationView;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;

/** {@code GET /api/v1/key} and {@code GET /api/v1/generation}, for the caller's own key. */
public interface ReadKeyAccountQuery {

    Uni<KeyAccount> key(String apiKey);

    /** Only a generation of the key's own workspace; otherwise 404. */
    Uni<GenerationView> generation(String apiKey, String generationId);

    record KeyAccount(KeyContext key, KeySpend spend) {
    }
}
