package dev.atrium.gateway.adapter.out.client;

import static dev.atrium.gateway.adapter.out.client.InternalCalls.unavailable;

import dev.atrium.common.cache.KeptValues;
import dev.atrium.gateway.application.port.out.DeliveryStatusWriter;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.ObservabilityTargetsReader;
import dev.atrium.gateway.application.port.out.WorkspaceSettingsReader;
import dev.atrium.workspace.api.ByokSecret;
import dev.atrium.workspace.api.DeliveryStatus;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.ObservabilityTargets;
import dev.atrium.workspace.api.PresetDefinition;
import dev.atrium.workspace.api.ResolveKeyRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** workspace-service's internal routes: keys, presets, BYOK secrets and observability destinations, each kept. */
@ApplicationScoped
class WorkspaceClient implements KeyResolver, WorkspaceSettingsReader, ObservabilityTargetsReader,
        DeliveryStatusWriter {

    private static final Logger LOG = Logger.getLogger(WorkspaceClient.class);
    private static final String SERVICE = "workspace-service";
    private static final int MAX_CACHED = 100_000;

    private final InternalCalls calls;
    private final String url;
    private final KeyContextCache keys;
    /** Preset versions never change; BYOK secrets are versioned by the workspace's settings revision. */
    private final KeptValues<String, PresetDefinition> presets = KeptValues.untilForgotten(MAX_CACHED);
    private final KeptValues<String, Optional<String>> byok = KeptValues.untilForgotten(MAX_CACHED);
    /** Observability destinations with their headers, versioned like BYOK secrets. */
    private final KeptValues<String, ObservabilityTargets> observability = KeptValues.untilForgotten(MAX_CACHED);

    WorkspaceClient(InternalCalls calls, Clock clock) {
        this.calls = calls;
        this.url = calls.config().workspaceUrl() + "/internal/v1";
        this.keys = new KeyContextCache(calls.config().keyCacheTtl().toNanos(), MAX_CACHED, System::nanoTime, clock);
    }

    @Override
    public Uni<Optional<KeyContext>> resolve(String apiKey) {
        Optional<KeyContext> known = keys.get(apiKey, kept -> resolveAhead(apiKey, kept));
        return known.isPresent() ? Uni.createFrom().item(known) : ask(apiKey);
    }

    /**
     * Resolved again off the request that found it due: the kept context answers until its time limit, as before;
     * a key that no longer resolves (deleted or revoked, its event not heard yet) is dropped at once.
     */
    private void resolveAhead(String apiKey, KeyContext kept) {
        ask(apiKey).subscribe().with(again -> {
            if (again.isEmpty()) {
                keys.drop(apiKey, kept);
            }
        }, failure -> LOG.debugf("A key's early resolution failed: %s", failure.toString()));
    }

    private Uni<Optional<KeyContext>> ask(String apiKey) {
        long epoch = keys.epoch();
        long started = keys.now();
        return calls.post(url + "/keys/resolve", new ResolveKeyRequest(apiKey))
                .map(response -> switch (response.statusCode()) {
                    case 200 -> {
                        KeyContext context = calls.read(response, KeyContext.class);
                        keys.put(apiKey, context, epoch, started);
                        yield Optional.of(context);
                    }
                    case 404 -> Optional.<KeyContext>empty();
                    default -> throw unavailable(SERVICE, response);
                });
    }

    /** Reading an empty context builds the readers of every part of one (JSON reading of a record is built once). */
    @Override
    public void warmUp() {
        calls.read("{}".getBytes(StandardCharsets.UTF_8), KeyContext.class);
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
        return calls.get(url + "/workspaces/" + workspaceId + "/presets/"
                + URLEncoder.encode(reference, StandardCharsets.UTF_8))
                .map(response -> switch (response.statusCode()) {
                    case 200 -> {
                        PresetDefinition preset = calls.read(response, PresetDefinition.class);
                        presets.keep(cacheKey, preset, began, presets.now());
                        yield Optional.of(preset);
                    }
                    case 404 -> Optional.<PresetDefinition>empty();
                    default -> throw unavailable(SERVICE, response);
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
        return calls.get(url + "/workspaces/" + workspaceId + "/byok/"
                + URLEncoder.encode(provider, StandardCharsets.UTF_8))
                .map(response -> {
                    Optional<String> key = switch (response.statusCode()) {
                        case 200 -> Optional.of(calls.read(response, ByokSecret.class).key());
                        case 404 -> Optional.<String>empty();
                        default -> throw unavailable(SERVICE, response);
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
        return calls.get(url + "/workspaces/" + workspaceId + "/observability")
                .map(response -> {
                    ObservabilityTargets targets = switch (response.statusCode()) {
                        case 200 -> calls.read(response, ObservabilityTargets.class);
                        case 404 -> new ObservabilityTargets(workspaceId, List.of());
                        default -> throw unavailable(SERVICE, response);
                    };
                    observability.keep(cacheKey, targets, began, observability.now());
                    return targets;
                });
    }

    @Override
    public Uni<Void> deliveryStatus(String workspaceId, DeliveryStatus status) {
        return calls.post(url + "/workspaces/" + workspaceId + "/observability/status", status)
                .map(response -> {
                    if (response.statusCode() >= 300 && response.statusCode() != 404) {
                        throw unavailable(SERVICE, response);
                    }
                    return null;
                });
    }
}
