package dev.atrium.guardrail.adapter.in.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * workspace-service as the other services see it for rights: its token endpoint stand-in and
 * {@code GET /internal/v1/members/{user}/groups}, answering what a test set with {@code PUT /fake/members/{user}}
 * (the body: the groups' JSON array, as served) or {@code PUT /fake/down} ({@code true}: every other answer 500 until {@code false}).
 */
public class FakeWorkspaceMembers implements QuarkusTestResourceLifecycleManager {

    /** Runs this module's Quarkus against the fake (its own boot, as any profile). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeWorkspaceMembers.class));
        }
    }

    private final Map<String, String> groups = new ConcurrentHashMap<>();
    private volatile boolean down;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("atrium.security.management-keys.workspace-url", url,
                "quarkus.oidc.auth-server-url", url + "/realms/atrium");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("/fake/down")) {
            down = Boolean.parseBoolean(body.strip());
            send(exchange, 204, "");
        } else if (path.startsWith("/fake/members/")) {
            groups.put(path.substring("/fake/members/".length()), body);
            send(exchange, 204, "");
        } else if (down) {
            send(exchange, 500, "{}");
        } else if (path.endsWith("/protocol/openid-connect/token")) {
            send(exchange, 200, "{\"access_token\":\"service-token\",\"expires_in\":300}");
        } else if (path.startsWith("/internal/v1/members/") && path.endsWith("/groups")
                && "Bearer service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            String user = path.substring("/internal/v1/members/".length(), path.length() - "/groups".length());
            send(exchange, 200, "{\"user_id\":\"" + user + "\",\"groups\":" + groups.getOrDefault(user, "[]") + "}");
        } else {
            send(exchange, 404, "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
