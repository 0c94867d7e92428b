package dev.atrium.gateway.adapter.out.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.net.DestinationRule;
import dev.atrium.gateway.application.port.out.DeliveryStatusWriter;
import dev.atrium.gateway.application.port.out.GenerationObserver.FinishedGeneration;
import dev.atrium.gateway.application.port.out.ObservabilityTargetsReader;
import dev.atrium.workspace.api.DeliveryStatus;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.KeyContext.ObservabilityDestination;
import dev.atrium.workspace.api.ObservabilityTargets;
import dev.atrium.workspace.api.ObservabilityTargets.Target;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The broadcast against a local HTTP receiver standing in for a workspace's collector and webhook. */
class BroadcastObserverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(String path, Map<String, String> headers, JsonNode body) {
    }

    private volatile boolean receiverAnswersOk;
    private Vertx vertx;
    private HttpServer receiver;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BlockingQueue<DeliveryStatus> statuses = new LinkedBlockingQueue<>();
    private List<Target> targets;
    private BroadcastObserver observer;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        receiver = vertx.createHttpServer().requestHandler(request -> request.body().subscribe().with(body -> {
            Map<String, String> headers = new java.util.HashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            try {
                received.add(new Received(request.path(), headers, JSON.readTree(body.getBytes())));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            request.response().setStatusCode(request.path().contains("fail") && !receiverAnswersOk ? 500 : 200).endAndForget();
        })).listenAndAwait(0, "127.0.0.1");
        // The receiver listens on loopback, which the platform must allow, as the local stack does.
        observer = observer(DestinationRule.of(true, List.of("127.0.0.0/8")));
    }

    private BroadcastObserver observer(DestinationRule rule) {
        ObservabilityTargetsReader reader = (workspaceId, revision) -> {
            fetches.incrementAndGet();
            return Uni.createFrom().item(new ObservabilityTargets(workspaceId, targets));
        };
        DeliveryStatusWriter writer = (workspaceId, status) -> {
            statuses.add(status);
            return Uni.createFrom().voidItem();
        };
        return new BroadcastObserver(reader, meters, WebClient.create(vertx), rule,
                new DeliveryStatuses(writer, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        receiver.closeAndAwait();
        vertx.closeAndAwait();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.actualPort() + path;
    }

    @Test
    void sendsOneOtlpSpanAndOneWebhookWithTheDestinationsHeaders() throws Exception {
        targets = List.of(new Target("otlp", url("/otel"), Map.of("Authorization", "Bearer collector-token"), 1.0, false),
                new Target("webhook", url("/hook"), Map.of("X-Hook-Secret", "s3cret"), 1.0, false));
        observer.generationFinished(generation("gen-b1", destinations(1.0, 1.0, false)));

        Map<String, Received> byPath = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            Received r = poll();
            byPath.put(r.path(), r);
        }
        Received span = byPath.get("/otel/v1/traces");
        assertThat(span.headers()).containsEntry("authorization", "Bearer collector-token")
                .containsEntry("content-type", "application/json");
        JsonNode otlp = span.body().path("resourceSpans").path(0).path("scopeSpans").path(0).path("spans").path(0);
        assertThat(GenerationExportTest.attributes(otlp)).containsEntry("gen_ai.prompt", "Say hi")
                .containsEntry("gen_ai.completion", "Hi!").containsEntry("atrium.workspace_id", "ws_1");
        Received hook = byPath.get("/hook");
        assertThat(hook.headers()).containsEntry("x-hook-secret", "s3cret");
        assertThat(hook.body().path("generation_id").asText()).isEqualTo("gen-b1");
        assertThat(hook.body().path("completion").asText()).isEqualTo("Hi!");
        awaitCount("sent", 2);
    }

    @Test
    void privacyModeSendsNeitherPromptNorCompletion() throws Exception {
        targets = List.of(new Target("otlp", url("/otel"), Map.of(), 1.0, true),
                new Target("webhook", url("/hook"), Map.of(), 1.0, true));
        observer.generationFinished(generation("gen-b2", destinations(1.0, 1.0, true)));

        String both = poll().body().toString() + poll().body().toString();
        assertThat(both).doesNotContain("Say hi").doesNotContain("Hi!").contains("gen_ai.usage.output_tokens")
                .contains("\"privacy_mode\":true");
    }

    @Test
    void aDestinationSamplingNothingGetsNothingAndNothingIsFetched() throws Exception {
        targets = List.of(new Target("otlp", url("/otel"), Map.of(), 0.0, false),
                new Target("webhook", url("/hook"), Map.of(), 0.0, false));
        for (int i = 0; i < 20; i++) {
            observer.generationFinished(generation("gen-none-" + i, destinations(0.0, 0.0, false)));
        }
        assertThat(fetches.get()).isZero();

        // One destination at 1.0, the other at 0.0: only the first receives anything.
        targets = List.of(new Target("otlp", url("/otel"), Map.of(), 1.0, false),
                new Target("webhook", url("/hook"), Map.of(), 0.0, false));
        for (int i = 0; i < 5; i++) {
            observer.generationFinished(generation("gen-half-" + i, destinations(1.0, 0.0, false)));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(poll().path()).isEqualTo("/otel/v1/traces");
        }
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFailingOrUnreachableDestinationNeverFailsTheCaller() throws Exception {
        targets = List.of(new Target("webhook", url("/fail"), Map.of(), 1.0, false),
                new Target("webhook", "http://127.0.0.1:1/closed", Map.of(), 1.0, false));
        observer.deliver(generation("gen-b4", destinations(1.0, 1.0, false))).await().atMost(Duration.ofSeconds(10));
        assertThat(poll().path()).isEqualTo("/fail");
        awaitCount("rejected", 1);
        awaitCount("failed", 1);
    }

    @Test
    void aDestinationAtAPrivateAddressIsRefusedAtSendTimeAndShownAsItsLastError() throws Exception {
        // Saved while allowed (or while its name resolved elsewhere); the platform no longer allows loopback.
        BroadcastObserver strict = observer(DestinationRule.of(true, List.of()));
        targets = List.of(new Target("webhook", url("/hook"), Map.of(), 1.0, false),
                new Target("webhook", "http://localhost:" + receiver.actualPort() + "/by-name", Map.of(), 1.0, false),
                new Target("otlp", "http://[::ffff:127.0.0.1]:" + receiver.actualPort() + "/mapped", Map.of(), 1.0,
                        false));
        strict.deliver(generation("gen-ssrf", destinations(1.0, 1.0, false))).await().atMost(Duration.ofSeconds(10));

        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("nothing reached the private address").isNull();
        awaitCount("refused", 3);
        List<DeliveryStatus> seen = List.of(status(), status(), status());
        assertThat(seen).allSatisfy(st -> {
            assertThat(st.delivered()).isFalse();
            assertThat(st.error()).startsWith("refused: endpoint host").contains("loopback");
        });
        assertThat(seen).extracting(DeliveryStatus::endpoint).containsExactlyInAnyOrder(url("/hook"),
                "http://localhost:" + receiver.actualPort() + "/by-name",
                "http://[::ffff:127.0.0.1]:" + receiver.actualPort() + "/mapped");
    }

    @Test
    void aHeaderWithCrLfFailsOnlyItsOwnDestination() throws Exception {
        targets = List.of(new Target("webhook", url("/bad"), Map.of("X-Hook", "a\r\nX-Injected: 1"), 1.0, false),
                new Target("webhook", url("/good"), Map.of("X-Hook", "fine"), 1.0, false));
        observer.deliver(generation("gen-crlf", destinations(1.0, 1.0, false))).await().atMost(Duration.ofSeconds(10));

        Received only = poll();
        assertThat(only.path()).isEqualTo("/good");
        assertThat(only.headers()).doesNotContainKey("x-injected");
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        awaitCount("refused", 1);
        awaitCount("sent", 1);
    }

    @Test
    void eachOutcomeIsReportedOnceUntilItChanges() throws Exception {
        targets = List.of(new Target("webhook", url("/fail"), Map.of(), 1.0, false));
        for (int i = 0; i < 3; i++) {
            observer.deliver(generation("gen-f" + i, destinations(0.0, 1.0, false))).await().atMost(Duration.ofSeconds(10));
        }
        DeliveryStatus failed = status();
        assertThat(failed.delivered()).isFalse();
        assertThat(failed.error()).isEqualTo("HTTP 500");
        assertThat(failed.endpoint()).isEqualTo(url("/fail"));
        assertThat(statuses.poll(300, TimeUnit.MILLISECONDS)).as("the same error again is not written again").isNull();

        targets = List.of(new Target("webhook", url("/fail"), Map.of(), 1.0, false));
        receiverAnswersOk = true;
        observer.deliver(generation("gen-ok", destinations(0.0, 1.0, false))).await().atMost(Duration.ofSeconds(10));
        DeliveryStatus recovered = status();
        assertThat(recovered.delivered()).isTrue();
        assertThat(recovered.error()).isNull();
    }

    private DeliveryStatus status() throws InterruptedException {
        DeliveryStatus next = statuses.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("a delivery status was written").isNotNull();
        return next;
    }

    private Received poll() throws InterruptedException {
        Received next = received.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("a delivery reached the receiver").isNotNull();
        return next;
    }

    private void awaitCount(String outcome, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && meters.find("atrium.gateway.broadcast.deliveries")
                .tag("outcome", outcome).counters().stream().mapToDouble(c -> c.count()).sum() < expected) {
            Thread.sleep(50);
        }
        assertThat(meters.find("atrium.gateway.broadcast.deliveries").tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count()).sum()).isEqualTo(expected);
    }

    private static List<ObservabilityDestination> destinations(double otlpRate, double webhookRate, boolean privacy) {
        return List.of(new ObservabilityDestination("otlp", "otlp-endpoint", otlpRate, privacy),
                new ObservabilityDestination("webhook", "webhook-endpoint", webhookRate, privacy));
    }

    private static FinishedGeneration generation(String id, List<ObservabilityDestination> destinations) {
        FinishedGeneration base = GenerationExportTest.generation(id, "Say hi", "Hi!");
        KeyContext k = base.key();
        KeyContext key = new KeyContext(k.keyId(), k.keyName(), k.ownerUserId(), k.limit(), k.limitReset(),
                k.includeByokInLimit(), k.workspaceId(), k.workspaceSlug(), k.organizationId(), k.defaultTextModel(),
                k.defaultProviderSort(), k.settingsRevision(), List.of(), Map.of(), List.of(), destinations);
        return new FinishedGeneration(base.usage(), key, base.prompt(), base.completion());
    }
}
