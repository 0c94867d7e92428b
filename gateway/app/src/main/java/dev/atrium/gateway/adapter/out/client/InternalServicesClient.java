package dev.atrium.gateway.adapter.out.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.cache.KeptValues;
import dev.atrium.common.error.ApiException;
import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.GenerationView;
import dev.atrium.billing.api.WorkspaceActivity;
import java.time.LocalDate;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.out.AccountReader;
import dev.atrium.gateway.application.port.out.CatalogReader;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.DeliveryStatusWriter;
import dev.atrium.gateway.application.port.out.ObservabilityTargetsReader;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.gateway.config.GatewayConfig;
import dev.atrium.guardrail.api.CheckBatch;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Holder;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.gateway.application.port.out.WorkspaceSettingsReader;
import dev.atrium.workspace.api.ByokSecret;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.DeliveryStatus;
import dev.atrium.workspace.api.ObservabilityTargets;
import dev.atrium.workspace.api.PresetDefinition;
import java.net.URLEncoder;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import dev.atrium.workspace.api.ResolveKeyRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The internal routes of workspace, guardrail, routing and billing, called with the gateway's service token. */
@ApplicationScoped
class InternalServicesClient implements KeyResolver, GuardrailChecker, RoutePlanner, AccountReader, CatalogReader,
        WorkspaceSettingsReader, ObservabilityTargetsReader, DeliveryStatusWriter {

    private static final Logger LOG = Logger.getLogger(InternalServicesClient.class);
    private static final int MAX_CACHED = 100_000;
    /** Longer than a check takes when guardrail is merely slow; far shorter than a reservation's ten minutes. */
    static final Duration RELEASE_AGAIN_AFTER = Duration.ofSeconds(30);

    private final WebClients http;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final GatewayConfig config;

    private final KeyContextCache keys;
    /**
     * This instance ({@code atrium.instance-id}, stable across restarts) in this life (new at each start):
     * every check names it, so the holds it takes are this life's (docs/adr/0019-holds-instance-release.md).
     */
    private final Holder holder;
    private final CheckBatcher checks;
    /** Preset versions never change; BYOK secrets are versioned by the workspace's settings revision. */
    private final KeptValues<String, PresetDefinition> presets = KeptValues.untilForgotten(MAX_CACHED);
    private final KeptValues<String, Optional<String>> byok = KeptValues.untilForgotten(MAX_CACHED);
    /** Observability destinations with their headers, versioned like BYOK secrets. */
    private final KeptValues<String, ObservabilityTargets> observability = KeptValues.untilForgotten(MAX_CACHED);

    @Inject
    InternalServicesClient(WebClients http, ServiceTokens tokens, ObjectMapper json, GatewayConfig config,
            Clock clock, @ConfigProperty(name = "atrium.instance-id") String instanceId) {
        this(http, tokens, json, config, clock, new Holder(instanceId, UUID.randomUUID().toString()));
    }

    InternalServicesClient(WebClients http, ServiceTokens tokens, ObjectMapper json, GatewayConfig config,
            Clock clock) {
        this(http, tokens, json, config, clock, new Holder("test-" + UUID.randomUUID(), UUID.randomUUID().toString()));
    }

    private InternalServicesClient(WebClients http, ServiceTokens tokens, ObjectMapper json, GatewayConfig config,
            Clock clock, Holder holder) {
        this.holder = holder;
        this.http = http;
        this.tokens = tokens;
        this.json = json;
        this.config = config;
        this.keys = new KeyContextCache(config.keyCacheTtl().toNanos(), MAX_CACHED, System::nanoTime, clock);
        this.checks = new CheckBatcher(new CheckBatcher.Sender() {
            @Override
            public Uni<CheckResult> one(CheckRequest request) {
                return checkAlone(request);
            }

            @Override
            public Uni<List<CheckResult>> many(List<CheckRequest> requests) {
                return checkTogether(requests);
            }
        }, config.checkCalls(), CheckBatch.MAX_CHECKS);
    }

    @Override
    public Uni<Optional<KeyContext>> resolve(String apiKey) {
        Optional<KeyContext> known = keys.get(apiKey);
        if (known.isPresent()) {
            return Uni.createFrom().item(known);
        }
        long epoch = keys.epoch();
        return post(config.workspaceUrl() + "/internal/v1/keys/resolve", new ResolveKeyRequest(apiKey))
                .map(response -> switch (response.statusCode()) {
                    case 200 -> {
                        KeyContext context = read(response, KeyContext.class);
                        keys.put(apiKey, context, epoch);
                        yield Optional.of(context);
                    }
                    case 404 -> Optional.<KeyContext>empty();
                    default -> throw unavailable("workspace-service", response);
                });
    }

    @Override
    public void forgetKey(String keyId) {
        keys.forgetKey(keyId);
    }

    @Override
    public void forgetWorkspace(String workspaceId) {
        keys.forgetWorkspace(workspaceId);
        byok.forgetIf((k, v) -> k.startsWith(workspaceId + "/"));
        observability.forgetIf((k, v) -> k.startsWith(workspaceId + "/"));
    }

    @Override
    public Uni<Optional<PresetDefinition>> preset(String workspaceId, String reference) {
        String cacheKey = workspaceId + "/" + reference;
        PresetDefinition known = presets.find(cacheKey);
        if (known != null) {
            return Uni.createFrom().item(Optional.of(known));
        }
        long began = presets.generation();
        return get(config.workspaceUrl() + "/internal/v1/workspaces/" + workspaceId + "/presets/"
                + URLEncoder.encode(reference, StandardCharsets.UTF_8))
                .map(response -> switch (response.statusCode()) {
                    case 200 -> {
                        PresetDefinition preset = read(response, PresetDefinition.class);
                        presets.keep(cacheKey, preset, began, presets.now());
                        yield Optional.of(preset);
                    }
                    case 404 -> Optional.<PresetDefinition>empty();
                    default -> throw unavailable("workspace-service", response);
                });
    }

    @Override
    public Uni<Optional<String>> byokKey(String workspaceId, String provider, long settingsRevision) {
        String cacheKey = workspaceId + "/" + provider + "/" + settingsRevision;
        Optional<String> known = byok.find(cacheKey);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        long began = byok.generation();
        return get(config.workspaceUrl() + "/internal/v1/workspaces/" + workspaceId + "/byok/"
                + URLEncoder.encode(provider, StandardCharsets.UTF_8))
                .map(response -> {
                    Optional<String> key = switch (response.statusCode()) {
                        case 200 -> Optional.of(read(response, ByokSecret.class).key());
                        case 404 -> Optional.<String>empty();
                        default -> throw unavailable("workspace-service", response);
                    };
                    byok.keep(cacheKey, key, began, byok.now());
                    return key;
                });
    }

    @Override
    public Uni<ObservabilityTargets> observabilityTargets(String workspaceId, long settingsRevision) {
        String cacheKey = workspaceId + "/" + settingsRevision;
        ObservabilityTargets known = observability.find(cacheKey);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        long began = observability.generation();
        return get(config.workspaceUrl() + "/internal/v1/workspaces/" + workspaceId + "/observability")
                .map(response -> {
                    ObservabilityTargets targets = switch (response.statusCode()) {
                        case 200 -> read(response, ObservabilityTargets.class);
                        case 404 -> new ObservabilityTargets(workspaceId, List.of());
                        default -> throw unavailable("workspace-service", response);
                    };
                    observability.keep(cacheKey, targets, began, observability.now());
                    return targets;
                });
    }

    @Override
    public Uni<Void> deliveryStatus(String workspaceId, DeliveryStatus status) {
        return post(config.workspaceUrl() + "/internal/v1/workspaces/" + workspaceId + "/observability/status", status)
                .map(response -> {
                    if (response.statusCode() >= 300 && response.statusCode() != 404) {
                        throw unavailable("workspace-service", response);
                    }
                    return null;
                });
    }

    /**
     * The check names the hold it may take, so that when the gateway gives up on the answer (its
     * timeout, a failed call, a client gone) it releases that hold rather than leaving it for the
     * reservation's ten minutes: once at once, and once more after {@link #RELEASE_AGAIN_AFTER}, for a
     * check that committed its hold after the first release arrived (docs/security.md).
     */
    @Override
    public Uni<CheckResult> check(CheckRequest request) {
        CheckRequest named = (request.reservationId() != null ? request
                : request.withReservationId("res_" + UUID.randomUUID().toString().replace("-", ""))).heldBy(holder);
        return checks.check(named)
                .onFailure().invoke(() -> releaseGivenUp(named.reservationId()))
                .onCancellation().invoke(() -> releaseGivenUp(named.reservationId()));
    }

    private void releaseGivenUp(String reservationId) {
        release(reservationId).subscribe().with(ignored -> { }, e -> { });
        Uni.createFrom().voidItem().onItem().delayIt().by(RELEASE_AGAIN_AFTER).chain(() -> release(reservationId))
                .subscribe().with(ignored -> { }, e -> { });
    }

    private Uni<CheckResult> checkAlone(CheckRequest request) {
        return post(config.guardrailUrl() + "/internal/v1/checks", request).map(response -> {
            if (response.statusCode() != 200) {
                throw unavailable("guardrail-service", response);
            }
            return read(response, CheckResult.class);
        });
    }

    private Uni<List<CheckResult>> checkTogether(List<CheckRequest> requests) {
        return post(config.guardrailUrl() + "/internal/v1/checks/batch", new CheckBatch(requests)).map(response -> {
            if (response.statusCode() >= 400 && response.statusCode() < 500) {
                throw new CheckBatcher.Rejected("guardrail-service answered a check batch with HTTP "
                        + response.statusCode());
            }
            if (response.statusCode() != 200) {
                throw unavailable("guardrail-service", response);
            }
            return read(response, CheckBatch.Results.class).results();
        });
    }

    @Override
    public Uni<ModerationResult> moderate(ModerationRequest request) {
        return post(config.guardrailUrl() + "/internal/v1/moderations", request).map(response -> {
            if (response.statusCode() != 200) {
                throw unavailable("guardrail-service", response);
            }
            return read(response, ModerationResult.class);
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
    public Uni<Integer> releasePreviousLives() {
        return post(config.guardrailUrl() + "/internal/v1/reservations/release-previous-lives", holder)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw unavailable("guardrail-service", response);
                    }
                    return read(response, Holder.Released.class).released();
                });
    }

    @Override
    public Uni<RoutePlan> plan(PlanRequest request) {
        return post(config.routingUrl() + "/internal/v1/routes/plan", request).map(response -> {
            if (response.statusCode() == 200) {
                return read(response, RoutePlan.class);
            }
            if (response.statusCode() == 400 || response.statusCode() == 404) {
                // The client asked for a model or a routing option the catalogue cannot serve: routing's
                // answer (the field, close matches of an unknown model) goes to the client as it is.
                throw clientError(response);
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
    public Uni<Optional<ObjectNode>> endpoints(String modelId) {
        return get(config.routingUrl() + "/api/v1/catalog/models/" + modelId + "/endpoints")
                .map(response -> switch (response.statusCode()) {
                    case 200 -> Optional.of((ObjectNode) read(response, ObjectNode.class).path("data"));
                    case 404 -> Optional.<ObjectNode>empty();
                    default -> throw unavailable("routing-service", response);
                });
    }

    @Override
    public Uni<List<ObjectNode>> providers() {
        return get(config.routingUrl() + "/api/v1/catalog/providers").map(response -> {
            if (response.statusCode() != 200) {
                throw unavailable("routing-service", response);
            }
            List<ObjectNode> providers = new ArrayList<>();
            read(response, ObjectNode.class).path("data").forEach(p -> providers.add((ObjectNode) p));
            return providers;
        });
    }

    @Override
    public Uni<CreditTotals> credits(String organizationId) {
        return get(config.billingUrl() + "/internal/v1/organizations/" + organizationId + "/credits").map(response -> {
            if (response.statusCode() != 200) {
                throw unavailable("billing-service", response);
            }
            return read(response, CreditTotals.class);
        });
    }

    @Override
    public Uni<WorkspaceActivity> activity(String organizationId, String workspaceId, LocalDate from, LocalDate to) {
        return get(config.billingUrl() + "/internal/v1/organizations/" + organizationId + "/workspaces/" + workspaceId
                + "/activity?from=" + from + "&to=" + to).map(response -> {
                    if (response.statusCode() != 200) {
                        throw unavailable("billing-service", response);
                    }
                    return read(response, WorkspaceActivity.class);
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

    @SuppressWarnings("unchecked")
    private ApiException clientError(HttpResponse<Buffer> response) {
        Object error = read(response, Map.class).get("error");
        Map<String, Object> e = error instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String message = e.get("message") instanceof String text ? text : "Invalid model or routing option";
        Map<String, Object> metadata = e.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new ApiException(response.statusCode(), message, metadata);
    }

    private static ApiException unavailable(String service, HttpResponse<Buffer> response) {
        LOG.warnf("%s answered HTTP %d", service, response.statusCode());
        return new ApiException(503, service + " could not answer; try again shortly");
    }
}
