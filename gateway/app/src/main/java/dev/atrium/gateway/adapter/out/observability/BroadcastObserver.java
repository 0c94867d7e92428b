package dev.atrium.gateway.adapter.out.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.out.GenerationObserver;
import dev.atrium.gateway.application.port.out.ObservabilityTargetsReader;
import dev.atrium.workspace.api.KeyContext.ObservabilityDestination;
import dev.atrium.workspace.api.ObservabilityTargets.Target;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Broadcast: one span (OTLP/HTTP JSON) or one webhook POST per generation to each of the
 * workspace's destinations that samples it, in the background. The destinations' headers (secrets)
 * are fetched from workspace-service only when a destination samples the generation, and kept per
 * settings revision. A slow or failing destination never delays or fails a request: deliveries
 * time out, excess ones wait in a bounded queue or are dropped, and failures are counted
 * ({@code atrium.gateway.broadcast.deliveries}) and logged at debug level, never with headers or content.
 */
@ApplicationScoped
class BroadcastObserver implements GenerationObserver {

    private static final Logger LOG = Logger.getLogger(BroadcastObserver.class);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ObservabilityTargetsReader targets;
    private final WebClient client;
    private final MeterRegistry meters;

    @Inject
    BroadcastObserver(ObservabilityTargetsReader targets, Vertx vertx, MeterRegistry meters) {
        this(targets, meters, WebClient.create(vertx, new WebClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setMaxPoolSize(20)
                .setMaxWaitQueueSize(1_000)
                .setConnectTimeout((int) TIMEOUT.toMillis())
                .setUserAgent("atrium-gateway-broadcast")
                // The workspace's collector is not part of Atrium's own trace.
                .setTracingPolicy(TracingPolicy.IGNORE)));
    }

    BroadcastObserver(ObservabilityTargetsReader targets, MeterRegistry meters, WebClient client) {
        this.targets = targets;
        this.meters = meters;
        this.client = client;
    }

    @Override
    public void generationFinished(FinishedGeneration generation) {
        try {
            if (!anySampled(generation)) {
                return;
            }
            deliver(generation).subscribe().with(
                    sent -> { },
                    e -> LOG.debugf("Broadcast of %s not delivered: %s", generation.usage().generationId(),
                            e.getMessage()));
        } catch (RuntimeException e) {
            LOG.debugf("Broadcast of %s skipped: %s", generation.usage().generationId(), e.getMessage());
        }
    }

    /** The key's context names the destinations: most generations need no fetch at all. */
    private static boolean anySampled(FinishedGeneration generation) {
        List<ObservabilityDestination> destinations = generation.key().observability();
        for (ObservabilityDestination d : destinations) {
            if (GenerationExport.sampled(d.samplingRate(), generation.usage().generationId(), d.endpoint())) {
                return true;
            }
        }
        return false;
    }

    /** Sends to every sampled destination; completes when all have answered or failed. */
    Uni<Void> deliver(FinishedGeneration generation) {
        return targets.observabilityTargets(generation.key().workspaceId(), generation.key().settingsRevision())
                .chain(found -> {
                    List<Uni<Void>> sends = found.destinations().stream()
                            .filter(t -> GenerationExport.sampled(t.samplingRate(), generation.usage().generationId(),
                                    t.endpoint()))
                            .map(t -> send(t, generation))
                            .toList();
                    return sends.isEmpty() ? Uni.createFrom().voidItem()
                            : Uni.join().all(sends).andCollectFailures().replaceWithVoid();
                });
    }

    private Uni<Void> send(Target target, FinishedGeneration generation) {
        boolean otlp = "otlp".equalsIgnoreCase(target.type());
        ObjectNode body = otlp ? GenerationExport.otlpSpan(generation, target.privacyMode())
                : GenerationExport.webhook(generation, target.privacyMode());
        HttpRequest<Buffer> request = client.postAbs(otlp ? GenerationExport.tracesUrl(target.endpoint())
                : target.endpoint()).timeout(TIMEOUT.toMillis());
        Map<String, String> headers = target.headers() == null ? Map.of() : target.headers();
        headers.forEach(request::putHeader);
        request.putHeader("Content-Type", "application/json");
        return request.sendBuffer(Buffer.buffer(body.toString()))
                .invoke(response -> {
                    count(target, response.statusCode() < 300 ? "sent" : "rejected");
                    if (response.statusCode() >= 300) {
                        LOG.debugf("%s destination of workspace %s answered HTTP %d", target.type(),
                                generation.key().workspaceId(), response.statusCode());
                    }
                })
                .onFailure().invoke(e -> {
                    count(target, "failed");
                    LOG.debugf("%s destination of workspace %s unreachable: %s", target.type(),
                            generation.key().workspaceId(), e.getMessage());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void count(Target target, String outcome) {
        meters.counter("atrium.gateway.broadcast.deliveries", "type", "otlp".equalsIgnoreCase(target.type())
                ? "otlp" : "webhook", "outcome", outcome).increment();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
