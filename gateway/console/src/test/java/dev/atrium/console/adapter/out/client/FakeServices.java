package dev.atrium.console.adapter.out.client;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The services as the console reaches them: one server on a free port stands for workspace, guardrail, routing
 * and billing, and notes the last request; the gateway's URL names a port where nothing listens.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** method, raw path, raw query, Authorization, Content-Type, body. */
    record Seen(String method, String path, String query, String auth, String contentType, String body) {
    }

    static volatile Seen last;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", x -> {
            last = new Seen(x.getRequestMethod(), x.getRequestURI().getRawPath(), x.getRequestURI().getRawQuery(),
                    x.getRequestHeaders().getFirst("Authorization"), x.getRequestHeaders().getFirst("Content-Type"),
                    new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean missing = x.getRequestURI().getPath().endsWith("/missing");
            boolean csv = "format=csv".equals(x.getRequestURI().getRawQuery());
            String body = missing ? "{\"error\":{\"code\":404,\"message\":\"Workspace ws_9 not found\"}}"
                    : csv ? "day,charged\n2026-12-01,0.5\n" : "{\"id\":\"ws_1\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", csv ? "text/csv" : "application/json");
            x.sendResponseHeaders(missing ? 404 : 200, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("atrium.console.workspace-url", url, "atrium.console.guardrail-url", url,
                "atrium.console.routing-url", url, "atrium.console.billing-url", url,
                "atrium.console.gateway-url", "http://127.0.0.1:" + closed);
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
