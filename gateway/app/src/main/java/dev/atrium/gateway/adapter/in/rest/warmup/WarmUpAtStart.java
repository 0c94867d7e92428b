package dev.atrium.gateway.adapter.in.rest.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.gateway.application.port.in.RehearseChatUseCase;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.gateway.application.port.out.UpstreamProvider;
import dev.atrium.gateway.config.GatewayConfig;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.PlanRequest;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * The gateway warm before it reports ready (issue 23: the first request after a start took 1.2 s, the
 * hundredth a few ms). At start it sends itself chat completions, streamed and not, with made-up keys (the
 * inbound route, JSON reading, the service token, the key-resolution call and its pooled connection, the
 * error path: answered 401, nothing written), a few rounds, so that classes are loaded, the internal connections
 * are open and every service's own path has run once before a client's request. The admitted path, which a
 * made-up key never reaches, is rehearsed ({@link RehearseChatUseCase}, ADR 0032): a chat completion and a stream
 * run through the same application code with a made-up key context, guardrail's dry-run check of a made-up tenant
 * (counted, held and written nowhere; its refusal not followed), routing's plan, the planned candidate asked at an
 * in-process endpoint ({@link InProcessProvider}) and the usage record written nowhere: nothing counted, charged,
 * recorded or sent to a provider. What the rehearsal does not reach is readied too, without a request or a record
 * that costs or counts: a pooled connection to every provider of the planned models' candidates (their free model
 * list, on the client for answers and the one for streams) and the reading of a key's context.
 * Readiness stays DOWN until then, and until the JIT compiler has caught up with the rounds ({@link CompilerQuiet});
 * a warm-up that fails (a service still starting) only costs its time, and
 * after {@code atrium.gateway.warm-up.timeout} the gateway reports ready anyway.
 */
@Readiness
@ApplicationScoped
class WarmUpAtStart implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WarmUpAtStart.class);
    private static final String BODY = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"warm-up\"}],\"max_tokens\":1%s}";

    private final AtomicBoolean warm = new AtomicBoolean();
    private final Vertx vertx;
    private final RoutePlanner routes;
    private final UpstreamProvider upstream;
    private final KeyResolver keys;
    private final RehearseChatUseCase rehearsal;
    private final ObjectMapper json;
    /** The rehearsals' provider, listening while the warm-up runs; {@link #providerUrl} once it does. */
    private final InProcessProvider provider;
    private volatile String providerUrl;
    private final List<String> models;
    /** The planned candidates, one per provider endpoint, for the upstream connections. */
    private final Map<String, Candidate> endpoints = new LinkedHashMap<>();
    private final boolean enabled;
    private final int rounds;
    private final Duration timeout;
    private final String host;
    private final int port;

    WarmUpAtStart(Vertx vertx, RoutePlanner routes, UpstreamProvider upstream, KeyResolver keys,
            RehearseChatUseCase rehearsal, ObjectMapper json, GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1") String host,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.vertx = vertx;
        this.routes = routes;
        this.upstream = upstream;
        this.keys = keys;
        this.rehearsal = rehearsal;
        this.json = json;
        this.provider = new InProcessProvider(json);
        this.models = config.warmUp().models();
        this.enabled = config.warmUp().enabled();
        this.rounds = config.warmUp().rounds();
        this.timeout = config.warmUp().timeout();
        // a gateway listening on every interface answers itself on loopback
        this.host = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        this.port = port;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(warm.get()).build();
    }

    void start(@Observes StartupEvent event) {
        if (!enabled || rounds <= 0) {
            warm.set(true);
            return;
        }
        WebClient self = WebClient.create(vertx, new WebClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true).setConnectTimeout(1_000).setDefaultHost(host).setDefaultPort(port));
        long started = System.nanoTime();
        List<String> firstRound = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        Uni<Void> all = provider.start(vertx).invoke(url -> providerUrl = url).replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Warm-up: no in-process provider (%s); the request path is not rehearsed", e.toString());
                    return null;
                });
        for (int round = 0; round < rounds; round++) {
            boolean first = round == 0;
            all = all.chain(() -> step("chat", first, firstRound, () -> chat(self, false)))
                    .chain(() -> step("streamed chat", first, firstRound, () -> chat(self, true)))
                    .chain(() -> step("rehearsed chat", first, firstRound, () -> rehearse(false)))
                    .chain(() -> step("rehearsed stream", first, firstRound, () -> rehearse(true)))
                    .chain(() -> step("route plan", first, firstRound, this::plan))
                    .chain(() -> step("upstream connections", first, firstRound, this::connect))
                    .chain(() -> step("key reader", first, firstRound, this::keyReader))
                    .invoke(done::incrementAndGet);
        }
        all.ifNoItem().after(timeout).recoverWithItem((Void) null)
                .eventually(self::close)
                .eventually(provider::stop)
                .chain(CompilerQuiet::await)
                .subscribe().with(compiler -> {
                    warm.set(true);
                    LOG.infof("Warm-up: %d of %d rounds in %d ms (first round: %s; %s); ready", done.get(), rounds,
                            (System.nanoTime() - started) / 1_000_000, String.join(", ", firstRound), compiler);
                }, e -> {
                    warm.set(true);
                    LOG.warnf("Warm-up stopped (%s); ready without it", e.toString());
                });
    }

    /** One call; its failure (a service not up yet) is noted and the warm-up goes on. */
    private Uni<Void> step(String name, boolean first, List<String> firstRound, Supplier<Uni<?>> call) {
        long started = System.nanoTime();
        return Uni.createFrom().deferred(call).onItemOrFailure().transform((item, failure) -> {
            if (first) {
                firstRound.add(name + " " + (System.nanoTime() - started) / 1_000_000 + " ms"
                        + (failure == null ? "" : " (" + failure.getClass().getSimpleName() + ")"));
            }
            return null;
        });
    }

    /** A made-up key: the gateway answers 401 after asking workspace, which knows no such key. */
    private Uni<Integer> chat(WebClient self, boolean streaming) {
        String key = "sk-atrium-warm-up-" + UUID.randomUUID();
        return retryUntilListening(self.post("/api/v1/chat/completions")
                .putHeader("Authorization", "Bearer " + key).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(BODY.formatted(models.get(0), streaming ? ",\"stream\":true" : "")))
                .map(response -> response.statusCode()));
    }

    /**
     * The request path as a client's request runs it, from the read body to the written answer, with nothing
     * counted, charged, recorded or sent to a provider (ADR 0032, {@link RehearseChatUseCase}).
     */
    private Uni<?> rehearse(boolean streaming) {
        if (providerUrl == null) {
            // noted as this step's failure in the warm-up's line, which GatewayWarmStartTest reads
            return Uni.createFrom().failure(new IllegalStateException("no in-process provider"));
        }
        ObjectNode body;
        try {
            body = (ObjectNode) json.readTree(BODY.formatted(models.get(0), streaming ? ",\"stream\":true" : ""));
        } catch (java.io.IOException e) {
            return Uni.createFrom().failure(e);
        }
        var command = ChatRequestReader.command("rehearsal", body);
        return streaming
                ? rehearsal.open(command, providerUrl).chain(stream -> stream.chunks().map(ObjectNode::toString)
                        .collect().asList())
                : rehearsal.complete(command, providerUrl).map(ObjectNode::toString);
    }

    /** Until the HTTP server listens (it may start after this observer): a refused connection is tried again. */
    private static <T> Uni<T> retryUntilListening(Uni<T> call) {
        return call.onFailure(java.net.ConnectException.class).retry().withBackOff(Duration.ofMillis(50))
                .atMost(40);
    }

    /** A plan per model for a made-up workspace; their candidates' endpoints are kept for {@link #connect}. */
    private Uni<?> plan() {
        String workspace = UUID.randomUUID().toString();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String model : models) {
            all = all.chain(() -> routes.plan(new PlanRequest(workspace, model, null, null)).invoke(plan ->
                    plan.candidates().forEach(c -> endpoints.putIfAbsent(c.protocol() + " " + c.baseUrl(), c))))
                    .replaceWithVoid();
        }
        return all;
    }

    /** Each endpoint's connections opened (or kept in use), one after the other. */
    private Uni<?> connect() {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Candidate candidate : List.copyOf(endpoints.values())) {
            all = all.chain(() -> upstream.connect(candidate));
        }
        return all;
    }

    /** A key context's JSON read in-process (the rehearsal's key is made up, not read): nothing is sent or kept. */
    private Uni<?> keyReader() {
        return Uni.createFrom().item(() -> {
            keys.warmUp();
            return null;
        });
    }
}
