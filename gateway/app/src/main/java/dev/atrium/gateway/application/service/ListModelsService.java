package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.in.ListModelsQuery;
import dev.atrium.gateway.application.port.out.CatalogReader;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import dev.atrium.routing.api.ModelPatterns;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ListModelsService implements ListModelsQuery {

    private final KeyResolver keys;
    private final GuardrailChecker guardrail;
    private final CatalogReader catalog;

    public ListModelsService(KeyResolver keys, GuardrailChecker guardrail, CatalogReader catalog) {
        this.keys = keys;
        this.guardrail = guardrail;
        this.catalog = catalog;
    }

    @Override
    public Uni<List<ObjectNode>> models(String apiKey) {
        return keys.resolve(apiKey)
                .map(found -> found.orElseThrow(() -> ApiException.unauthorized("Invalid API key")))
                .chain(key -> Uni.combine().all().unis(
                        // No model named and nothing to generate: the check only tells the constraints.
                        guardrail.check(new CheckRequest(key.organizationId(), key.workspaceId(), key.keyId(),
                                key.ownerUserId(), List.of(), 0, null)),
                        catalog.models()).asTuple())
                .call(both -> guardrail.release(both.getItem1().reservationId()))
                .map(both -> both.getItem2().stream().filter(m -> usable(both.getItem1(), m.path("id").asText()))
                        .toList());
    }

    static boolean usable(CheckResult verdict, String model) {
        if (!verdict.allowed() && verdict.status() == 403) {
            return false;
        }
        Constraints k = verdict.constraints();
        if (k == null) {
            return true;
        }
        boolean allowed = k.allowedModels() == null || k.allowedModels().isEmpty()
                || ModelPatterns.matchesAny(k.allowedModels(), model);
        boolean ignored = k.ignoredModels() != null && ModelPatterns.matchesAny(k.ignoredModels(), model);
        return allowed && !ignored;
    }
}
