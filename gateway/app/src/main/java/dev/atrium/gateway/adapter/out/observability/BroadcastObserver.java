package dev.atrium.gateway.adapter.out.observability;

import dev.atrium.common.net.DestinationRule;
import dev.atrium.gateway.application.port.out.DeliveryStatusWriter;
import dev.atrium.gateway.application.port.out.GenerationObserver;
import dev.atrium.gateway.application.port.out.ObservabilityTargetsReader;
import dev.atrium.workspace.api.KeyContext.ObservabilityDestination;
import dev.atrium.workspace.api.ObservabilityTargets.Target;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Broadcast: one span (OTLP/HTTP JSON) or one webhook POST per generation to each of the
 * workspace's destinations that samples it, in the background. The destinations' headers (secrets)
 * are fetched from workspace-service only when a destination samples the generation, and kept per
 * settings revision. A slow or failing destination never delays or fails a request: deliveries
 * time out, excess ones wait in a bounded queue or are dropped, and failures are counted
 * ({@code atrium.gateway.broadcast.deliveries}) and logged at debug level, never with headers or content.
 * Before each delivery the destination is checked again by {@link DestinationRule} (its name resolved,
 * every address checked, the checked address connected to, no redirect followed), and each outcome is
 * reported, throttled, to workspace-service, where the workspace's admins see it.
 */
@ApplicationScoped
class BroadcastObserver implements GenerationObserver {

    private static final Logger LOG = Logger.getLogger(BroadcastObserver.class);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ObservabilityTargetsReader targets;
    private final WebClient client;
    private final MeterRegistry meters;
    private final DestinationRule rule;
    private final DeliveryStatuses statuses;

    @Inject
    BroadcastObserver(ObservabilityTargetsReader targets, Vertx vertx, MeterRegistry meters, DestinationRule rule,
            DeliveryStatusWriter statusWriter, Clock clock) {
        this(targets, meters, WebClient.create(vertx, new WebClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setMaxPoolSize(20)
                .setMaxWaitQueueSize(1_000)
                .setConnectTimeout((int) TIMEOUT.toMillis())
                .setUserAgent("atrium-gateway-broadcast")
                // A redirect could lead to an address the rule refuses.
                .setFollowRedirects(false)
                // Connections go to a checked address: TLS must still name the URL's host (SNI).
                .setForceSni(true)
                // The workspace's collector is not part of Atrium's own trace.
                .setTracingPolicy(TracingPolicy.IGNORE)), rule, new DeliveryStatuses(statusWriter, clock));
    }

    BroadcastObserver(ObservabilityTargetsReader targets, MeterRegistry meters, WebClient client, DestinationRule rule,
            DeliveryStatuses statuses) {
        this.targets = targets;
        this.meters = meters;
        this.client = client;
        this.rule = rule;
        this.statuses = statuses;
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
        String workspaceId = generation.key().workspaceId();
        boolean otlp = "otlp".equalsIgnoreCase(target.type());
        // Deferred: a bad destination fails alone instead of failing the workspace's other deliveries.
        return Uni.createFrom().deferred(() -> {
                    String url = otlp ? GenerationExport.tracesUrl(target.endpoint()) : target.endpoint();
                    Map<String, String> headers = target.headers() == null ? Map.of() : target.headers();
                    headers.forEach((name, value) -> DestinationRule.refuseHeader(name, value).ifPresent(reason -> {
                        throw new DestinationRefused(reason);
                    }));
                    rule.refuseUrl(url).ifPresent(reason -> {
                        throw new DestinationRefused("endpoint " + reason);
                    });
                    URI uri = URI.create(url);
                    return address(DestinationRule.host(uri)).map(address -> {
                        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                        // Connect to the address just checked, so a second lookup cannot point elsewhere;
                        // the URL's host still names the server for TLS (SNI, certificate) and Host.
                        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.POST,
                                        SocketAddress.inetSocketAddress(port, address.getHostAddress()), url)
                                .followRedirects(false)
                                .timeout(TIMEOUT.toMillis());
                        headers.forEach(request::putHeader);
                        request.putHeader("Content-Type", "application/json");
                        return request;
                    });
                })
                .chain(request -> request.sendBuffer(Buffer.buffer((otlp
                        ? GenerationExport.otlpSpan(generation, target.privacyMode())
                        : GenerationExport.webhook(generation, target.privacyMode())).toString())))
                .invoke(response -> {
                    boolean ok = response.statusCode() < 300;
                    count(target, ok ? "sent" : "rejected");
                    if (ok) {
                        statuses.delivered(workspaceId, target.endpoint());
                    } else {
                        statuses.failed(workspaceId, target.endpoint(), "HTTP " + response.statusCode());
                        LOG.debugf("%s destination of workspace %s answered HTTP %d", target.type(), workspaceId,
                                response.statusCode());
                    }
                })
                .onFailure().invoke(e -> {
                    count(target, e instanceof DestinationRefused ? "refused" : "failed");
                    statuses.failed(workspaceId, target.endpoint(), e instanceof DestinationRefused
                            ? "refused: " + e.getMessage() : "unreachable: " + e.getMessage());
                    LOG.debugf("%s destination of workspace %s not delivered: %s", target.type(), workspaceId,
                            e.getMessage());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** The host's first address the rule allows; refused when any address is restricted (DNS off the event loop). */
    private Uni<InetAddress> address(String host) {
        Optional<InetAddress> literal = DestinationRule.literal(host);
        Uni<InetAddress[]> resolved = literal.isPresent() ? Uni.createFrom().item(new InetAddress[] {literal.get()})
                : Uni.createFrom().item(() -> {
                    try {
                        return InetAddress.getAllByName(host);
                    } catch (UnknownHostException e) {
                        throw new DestinationRefused("host " + host + " does not resolve");
                    }
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return resolved.map(addresses -> {
            for (InetAddress a : addresses) {
                rule.refuseAddress(host, a).ifPresent(reason -> {
                    throw new DestinationRefused("endpoint " + reason);
                });
            }
            return addresses[0];
        });
    }

    /** A destination the platform does not allow (or a header that would break the request): never sent. */
    static final class DestinationRefused extends RuntimeException {
        DestinationRefused(String message) {
            super(message, null, false, false);
        }
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
