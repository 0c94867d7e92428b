package dev.atrium.gateway.adapter.in.rest.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * workspace-service and guardrail-service as the management routes reach them through their REST clients: one
 * server on a free port. Organization {@code org_m} holds {@link #WORKSPACES} workspaces; guardrail knows a
 * default for the first only and has not learnt the last yet. Every request is noted.
 */
public class FakeManagementServices implements QuarkusTestResourceLifecycleManager {

    static final String ORG = "org_m";
    static final int WORKSPACES = 5;
    static final String DEFAULT = "gr_m_1";

    /** Method, path and raw query of each request, with its Authorization header. */
    record Seen(String method, String path, String query, String auth) {
    }

    static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();
    private HttpServer server;

    static String workspace(int i) {
        return "ws_m_" + i;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.workspace-service.url", url,
                "quarkus.rest-client.guardrail-service.url", url);
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        String query = x.getRequestURI().getRawQuery();
        SEEN.add(new Seen(x.getRequestMethod(), path, query, x.getRequestHeaders().getFirst("Authorization")));
        if (path.equals("/api/v1/organizations")) {
            send(x, 200, "{\"data\":[{\"id\":\"" + ORG + "\",\"name\":\"M\"}],\"next_cursor\":null}");
        } else if (path.equals("/api/v1/organizations/" + ORG + "/workspaces")) {
            send(x, 200, "{\"data\":[" + IntStream.rangeClosed(1, WORKSPACES).mapToObj(i -> "{\"id\":\""
                    + workspace(i) + "\",\"name\":\"W" + i + "\",\"slug\":\"w" + i + "\",\"organization_id\":\"" + ORG
                    + "\",\"created_at\":\"2026-12-07T00:00:00Z\"}").collect(Collectors.joining(","))
                    + "],\"next_cursor\":null}");
        } else if (path.equals("/api/v1/organizations/" + ORG + "/default-guardrails")) {
            // As guardrail answers: the first with its default, the others known without one, the last unknown.
            List<String> asked = List.of(query.split("&")).stream().map(p -> p.substring("workspace=".length()))
                    .filter(ws -> !ws.equals(workspace(WORKSPACES))).sorted().toList();
            send(x, 200, "{\"data\":[" + asked.stream().map(ws -> "{\"workspace_id\":\"" + ws + "\",\"guardrail_id\":"
                    + (ws.equals(workspace(1)) ? "\"" + DEFAULT + "\"" : "null") + "}")
                    .collect(Collectors.joining(",")) + "]}");
        } else {
            send(x, 404, "{\"error\":{\"code\":404,\"message\":\"Not served by the fake\"}}");
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
