package dev.atrium.gateway.adapter.out.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.error.ApiException;
import dev.atrium.billing.api.GenerationView;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.out.AccountReader;
import dev.atrium.gateway.application.port.out.CatalogReader;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.gateway.config.GatewayConfig;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.ResolveKeyRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The internal routes of workspace, guardrail, routing and billing, called with the gateway's service token. */
@ApplicationScoped
class InternalServicesClient implements KeyResolver, GuardrailChecker, RoutePlanner, AccountReader, CatalogReader {

    private static final Logger LOG = Logger.getLogger(InternalServicesClient.class);

    private final WebClients http;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final GatewayConfig config;

    InternalServicesClient(WebClients http, ServiceTokens tokens, ObjectMapper json, GatewayConfig config) {
        this.http = http;
        this.tokens = tokens;
        this.json = json;
        this.config = config;
    }

    @Override
    public Uni<Optional<KeyContext>> resolve(String apiKey) {
        return post(config.workspaceUrl() + "/internal/v1/keys/resolve", new ResolveKeyRequest(apiKey))
                .map(response -> switch (response.statusCode()) {
                    case 200 -> Optional.of(read(response, KeyContext.class));
                    case 404 -> Optional.<KeyContext>empty();
                    default -> throw unavailable("workspace-service", response);
                });
    }

    @Override
    public Uni<CheckResult> check(CheckRequest request) {
        return post(config.guardrailUrl() + "/internal/v1/checks", request).map(response -> {
            if (response.statusCode() != 200) {
                throw unavailable("guardrail-service", response);
            }
            return read(response, CheckResult.class);
        });
    }

    @Override
    public Uni<Void> release(String reservationId) {
        if (reservationId == null) {
            return Uni.createFrom().voidItem();
        }
        return post(config.guardrailUrl() + "/internal/v1/reservations/" + reservationId + "/release", Map.of())
                .invoke(response -> {
                    if (response.statusCode() >= 300 && response.statusCode() != 404) {
                        LOG.warnf("guardrail-service did not release reservation %s: HTTP %d", reservationId,
                                response.statusCode());
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @Override
    public Uni<RoutePlan> plan(PlanRequest request) {
        return post(config.routingUrl() + "/internal/v1/routes/plan", request).map(response -> {
            if (response.statusCode() == 200) {
                return read(response, RoutePlan.class);
            }
            if (response.statusCode() == 400 || response.statusCode() == 404) {
                // The client asked for a model or a routing option the catalogue cannot serve.
                var error = read(response, Map.class).get("error");
                String message = error instanceof Map<?, ?> e ? String.valueOf(e.get("message")) : "Invalid model";
                throw ApiException.badRequest("model", message);
            }
            throw unavailable("routing-service", response);
        });
    }

    @Override
    public Uni<List<ObjectNode>> models() {
        return get(config.routingUrl() + "/api/v1/catalog/models").map(response -> {
            if (response.statusCode() != 200) {
                throw unavailable("routing-service", response);
            }
            List<ObjectNode> models = new ArrayList<>();
            read(response, ObjectNode.class).path("data").forEach(m -> models.add((ObjectNode) m));
            return models;
        });
    }

    @Override
    public Uni<KeySpend> spend(String keyId) {
        return get(config.guardrailUrl() + "/internal/v1/keys/" + keyId + "/spend").map(response -> {
            if (response.statusCode() != 200) {
                throw unavailable("guardrail-service", response);
            }
            return read(response, KeySpend.class);
        });
    }

    @Override
    public Uni<Optional<GenerationView>> generation(String generationId) {
        if (!generationId.matches("[A-Za-z0-9_-]{1,64}")) {
            return Uni.createFrom().item(Optional.empty());
        }
        return get(config.billingUrl() + "/internal/v1/generations/" + generationId)
                .map(response -> switch (response.statusCode()) {
                    case 200 -> Optional.of(read(response, GenerationView.class));
                    case 404 -> Optional.<GenerationView>empty();
                    default -> throw unavailable("billing-service", response);
                });
    }

    private Uni<HttpResponse<Buffer>> get(String url) {
        return tokens.bearer().chain(bearer -> http.client().getAbs(url)
                        .putHeader("Authorization", bearer)
                        .timeout(config.internalTimeout().toMillis())
                        .send())
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> {
                    LOG.warnf("Internal call to %s failed: %s", url, e.toString());
                    return new ApiException(503, "An Atrium service is unavailable; try again shortly");
                });
    }

    private Uni<HttpResponse<Buffer>> post(String url, Object body) {
        Buffer payload;
        try {
            payload = Buffer.buffer(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return tokens.bearer().chain(bearer -> http.client().postAbs(url)
                .putHeader("Authorization", bearer)
                .putHeader("Content-Type", "application/json")
                .timeout(config.internalTimeout().toMillis())
                .sendBuffer(payload))
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> {
                    LOG.warnf("Internal call to %s failed: %s", url, e.toString());
                    return new ApiException(503, "An Atrium service is unavailable; try again shortly");
                });
    }

    private <T> T read(HttpResponse<Buffer> response, Class<T> type) {
        try {
            return json.readValue(response.body().getBytes(), type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable answer from an Atrium service", e);
        }
    }

    private static ApiException unavailable(String service, HttpResponse<Buffer> response) {
        LOG.warnf("%s answered HTTP %d", service, response.statusCode());
        return new ApiException(503, service + " could not answer; try again shortly");
    }
}
