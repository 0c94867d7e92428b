package dev.atrium.gateway.application.service;

import dev.atrium.billing.api.GenerationView;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.in.ReadKeyAccountQuery;
import dev.atrium.gateway.application.port.out.AccountReader;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class KeyAccountService implements ReadKeyAccountQuery {

    private final KeyResolver keys;
    private final AccountReader accounts;

    public KeyAccountService(KeyResolver keys, AccountReader accounts) {
        this.keys = keys;
        this.accounts = accounts;
    }

    @Override
    public Uni<KeyAccount> key(String apiKey) {
        return resolve(apiKey).chain(key -> accounts.spend(key.keyId()).map(spend -> new KeyAccount(key, spend)));
    }

    @Override
    public Uni<GenerationView> generation(String apiKey, String generationId) {
        if (generationId == null || generationId.isBlank()) {
            throw ApiException.badRequest("id", "id is required: the generation id of a chat answer");
        }
        return resolve(apiKey).chain(key -> accounts.generation(generationId).map(found -> found
                .filter(g -> key.workspaceId().equals(g.workspaceId()))
                .orElseThrow(() -> ApiException.notFound("Generation " + generationId + " not found"))));
    }

    private Uni<KeyContext> resolve(String apiKey) {
        return keys.resolve(apiKey).map(found -> found.orElseThrow(() -> ApiException.unauthorized("Invalid API key")));
    }
}
