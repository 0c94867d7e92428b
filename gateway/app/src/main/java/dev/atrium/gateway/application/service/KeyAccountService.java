package dev.atrium.gateway.application.service;

import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.GenerationView;
import dev.atrium.billing.api.WorkspaceActivity;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.in.ReadKeyAccountQuery;
import dev.atrium.gateway.application.port.out.AccountReader;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.KeySpendReader;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

@ApplicationScoped
public class KeyAccountService implements ReadKeyAccountQuery {

    private final KeyResolver keys;
    private final AccountReader accounts;
    private final KeySpendReader spends;
    private final Clock clock;

    public KeyAccountService(KeyResolver keys, AccountReader accounts, KeySpendReader spends, Clock clock) {
        this.keys = keys;
        this.accounts = accounts;
        this.spends = spends;
        this.clock = clock;
    }

    @Override
    public Uni<KeyAccount> key(String apiKey) {
        return resolve(apiKey).chain(key -> Uni.combine().all().unis(spends.spend(key.keyId()), spends.dataRegions(key))
                .asTuple().map(answers -> new KeyAccount(key, answers.getItem1(), answers.getItem2())));
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

    @Override
    public Uni<CreditTotals> credits(String apiKey) {
        return resolve(apiKey).chain(key -> accounts.credits(key.organizationId()));
    }

    @Override
    public Uni<WorkspaceActivity> activity(String apiKey, String date) {
        ActivityPeriod period = ActivityPeriod.of(date, clock);
        return resolve(apiKey).chain(key -> accounts.activity(key.organizationId(), key.workspaceId(), period.from(),
                period.to()));
    }

    private Uni<KeyContext> resolve(String apiKey) {
        return keys.resolve(apiKey).map(found -> found.orElseThrow(() -> ApiException.unauthorized("Invalid API key")));
    }
}
