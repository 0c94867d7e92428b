package dev.atrium.gateway.adapter.out.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.config.GatewayConfig;
import dev.atrium.guardrail.api.CheckRequest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A check the gateway gave up on (its internal timeout) must not leave guardrail's hold for the
 * reservation's ten minutes: the gateway named the hold in the check and releases it.
 */
class GivenUpCheckTest {

    private final Vertx vertx = Vertx.vertx();
    private final Queue<String> checks = new ConcurrentLinkedQueue<>();
    private final Queue<String> releases = new ConcurrentLinkedQueue<>();
    private HttpServer guardrail;

    @AfterEach
    void stop() {
        guardrail.closeAndAwait();
        vertx.closeAndAwait();
    }

    @Test
    void aCheckThatTimesOutHasTheHoldItMayHaveTakenReleased() throws Exception {
        // A guardrail that takes the check (and, say, holds) but answers too late.
        guardrail = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (path.equals("/token")) {
                request.response().putHeader("Content-Type", "application/json")
                        .endAndForget("{\"access_token\":\"t\",\"expires_in\":300}");
            } else if (path.equals("/internal/v1/checks")) {
                request.body().subscribe().with(body -> checks.add(body.toString()));
                // never answered
            } else if (path.startsWith("/internal/v1/reservations/")) {
                releases.add(path);
                request.response().setStatusCode(200).endAndForget("{}");
            } else {
                request.response().setStatusCode(404).endAndForget();
            }
        }).listenAndAwait(0, "127.0.0.1");
        String url = "http://127.0.0.1:" + guardrail.actualPort();
        GatewayConfig config = config(url, Duration.ofMillis(300));
        WebClients http = new WebClients(vertx);
        GuardrailClient client = new GuardrailClient(new InternalCalls(http,
                new ServiceTokens(http, config, Clock.systemUTC()), new ObjectMapper(), config), "test-instance");

        assertThatThrownBy(() -> client.check(new CheckRequest("org_1", "ws_1", "key_1", null,
                List.of("openai/gpt-4o-mini"), 10, 100, "hello")).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (releases.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        JsonNode sent = new ObjectMapper().readTree(checks.peek());
        String id = sent.path("reservationId").asText();
        assertThat(id).matches("res_[0-9a-f]{32}");
        assertThat(releases).containsExactly("/internal/v1/reservations/" + id + "/release");
        http.close();
    }

    private static GatewayConfig config(String url, Duration internalTimeout) {
        GatewayConfig.ServiceAccount account = (GatewayConfig.ServiceAccount) Proxy.newProxyInstance(
                GatewayConfig.class.getClassLoader(), new Class<?>[] {GatewayConfig.ServiceAccount.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "tokenUrl" -> url + "/token";
                    case "clientId", "clientSecret" -> "gateway";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (GatewayConfig) Proxy.newProxyInstance(GatewayConfig.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "guardrailUrl", "workspaceUrl", "routingUrl", "billingUrl" -> url;
                    case "serviceAccount" -> account;
                    case "internalTimeout" -> internalTimeout;
                    case "keyCacheTtl" -> Duration.ofSeconds(30);
                    case "checkCalls" -> 1;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
