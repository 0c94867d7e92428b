package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.in.ListModelsQuery;
import dev.atrium.gateway.application.port.in.ReadCatalogQuery;
import dev.atrium.gateway.application.port.out.CatalogReader;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import dev.atrium.routing.api.ModelPatterns;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

@ApplicationScoped
public class ListModelsService implements ListModelsQuery, ReadCatalogQuery {

    /** One path segment of a model id: no separators, no dot-only segments. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._:-]{0,127}");

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
        return resolve(apiKey)
                .chain(key -> Uni.combine().all().unis(verdict(key), catalog.models()).asTuple())
                .map(both -> both.getItem2().stream().filter(m -> usable(both.getItem1(), m.path("id").asText()))
                        .toList());
    }

    @Override
    public Uni<ObjectNode> endpoints(String apiKey, String author, String slug) {
        String id = author + "/" + slug;
        return resolve(apiKey).chain(key -> {
            if (!SEGMENT.matcher(author).matches() || !SEGMENT.matcher(slug).matches()) {
                return Uni.createFrom().failure(notInCatalogue(id));
            }
            return Uni.combine().all().unis(verdict(key), catalog.endpoints(id)).asTuple()
                    .map(both -> both.getItem2().filter(m -> usable(both.getItem1(), id))
                            .orElseThrow(() -> notInCatalogue(id)));
        });
    }

    @Override
    public Uni<List<ObjectNode>> providers(String apiKey) {
        return resolve(apiKey).chain(key -> catalog.providers());
    }

    private Uni<KeyContext> resolve(String apiKey) {
        return keys.resolve(apiKey).map(found -> found.orElseThrow(() -> ApiException.unauthorized("Invalid API key")));
    }

    /** No model named and nothing to generate: the check only tells the key's constraints, and holds nothing. */
    private Uni<CheckResult> verdict(KeyContext key) {
        return guardrail.check(new CheckRequest(key.organizationId(), key.workspaceId(), key.keyId(),
                key.ownerUserId(), List.of(), 0, null)).call(verdict -> guardrail.release(verdict.reservationId()));
    }

    private static ApiException notInCatalogue(String id) {
        return new ApiException(404, "Model " + id + " is not in the catalogue", java.util.Map.of("field", "model"));
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
