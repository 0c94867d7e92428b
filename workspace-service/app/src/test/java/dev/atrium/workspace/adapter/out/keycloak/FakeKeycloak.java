package dev.atrium.workspace.adapter.out.keycloak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small imitation of Keycloak's token endpoint and admin API on a free port, for every @QuarkusTest of the
 * module ({@code atrium.keycloak.url}); only {@link KeycloakMembershipDirectoryAdapterTest} reaches it, the
 * other tests use the in-memory directory. With {@code -Datrium.keycloak.live-url} the real one is used instead.
 */
public class FakeKeycloak implements QuarkusTestResourceLifecycleManager {

    static final String USER = "6f1c0d9e-0000-4000-8000-000000000001";

    static final Map<String, String> GROUP_IDS_BY_PATH = new ConcurrentHashMap<>();
    static final Map<String, String> PATHS_BY_ID = new ConcurrentHashMap<>();
    static final Set<String> MEMBERSHIPS = ConcurrentHashMap.newKeySet();
    static final AtomicInteger TOKENS = new AtomicInteger();
    /** Admin events of user deletions as Keycloak keeps them: resource path and time (epoch millis). */
    static final List<Map.Entry<String, Long>> DELETIONS = new CopyOnWriteArrayList<>();
    /** The query of the last admin-events read, as sent. */
    static volatile String eventsQuery;
    /** While set, every connection is closed unanswered, as an unreachable Keycloak would leave it. */
    static volatile boolean down;

    private HttpServer server;

    static void reset() {
        GROUP_IDS_BY_PATH.clear();
        PATHS_BY_ID.clear();
        MEMBERSHIPS.clear();
        DELETIONS.clear();
        eventsQuery = null;
        down = false;
    }

    @Override
    public Map<String, String> start() {
        String live = System.getProperty("atrium.keycloak.live-url");
        if (live != null && live.startsWith("http")) {
            return Map.of("atrium.keycloak.url", live);
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", FakeKeycloak::handle);
        server.start();
        return Map.of("atrium.keycloak.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void handle(HttpExchange x) throws IOException {
        if (down) {
            x.close();
            return;
        }
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        if (path.equals("/realms/atrium/protocol/openid-connect/token")) {
            String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = form.contains("grant_type=client_credentials")
                    && form.contains("client_secret=local-workspace-secret");
            TOKENS.incrementAndGet();
            reply(x, ok ? 200 : 401, ok ? "{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                    : "{}");
            return;
        }
        if (!"Bearer t1".equals(x.getRequestHeaders().getFirst("Authorization"))) {
            reply(x, 401, "{}");
            return;
        }
        String admin = path.substring("/admin/realms/atrium".length());
        if (admin.startsWith("/group-by-path")) {
            String p = admin.substring("/group-by-path".length());
            String id = GROUP_IDS_BY_PATH.get(p);
            reply(x, id == null ? 404 : 200, id == null ? "{}" : "{\"id\":\"" + id + "\",\"path\":\"" + p + "\"}");
        } else if (method.equals("POST") && (admin.equals("/groups") || admin.endsWith("/children"))) {
            String name = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
            String parent = admin.equals("/groups") ? "" : PATHS_BY_ID.get(admin.split("/")[2]);
            String id = "g" + (GROUP_IDS_BY_PATH.size() + 1);
            GROUP_IDS_BY_PATH.put(parent + "/" + name, id);
            PATHS_BY_ID.put(id, parent + "/" + name);
            x.getResponseHeaders().add("Location", "http://kc/admin/realms/atrium/groups/" + id);
            reply(x, 201, "");
        } else if (admin.equals("/users/" + USER)) {
            reply(x, 200, "{\"id\":\"" + USER + "\",\"email\":\"ada@example.com\",\"firstName\":\"Ada\","
                    + "\"lastName\":\"Lovelace\"}");
        } else if (admin.startsWith("/users/" + USER + "/groups/")) {
            String group = admin.substring(admin.lastIndexOf('/') + 1);
            if (method.equals("PUT")) {
                MEMBERSHIPS.add(group);
            } else {
                MEMBERSHIPS.remove(group);
            }
            reply(x, 204, "");
        } else if (admin.equals("/users/" + USER + "/groups")) {
            StringBuilder out = new StringBuilder("[");
            MEMBERSHIPS.forEach(g -> out.append(out.length() > 1 ? "," : "").append("{\"id\":\"").append(g)
                    .append("\",\"path\":\"").append(PATHS_BY_ID.get(g)).append("\"}"));
            reply(x, 200, out.append(']').toString());
        } else if (method.equals("GET") && admin.matches("/groups/[^/]+/children")) {
            String parent = PATHS_BY_ID.get(admin.split("/")[2]);
            StringBuilder out = new StringBuilder("[");
            GROUP_IDS_BY_PATH.forEach((p, id) -> {
                if (first(x) == 0 && p.startsWith(parent + "/") && p.indexOf('/', parent.length() + 1) < 0) {
                    out.append(out.length() > 1 ? "," : "").append("{\"id\":\"").append(id).append("\",\"name\":\"")
                            .append(p.substring(parent.length() + 1)).append("\"}");
                }
            });
            reply(x, 200, out.append(']').toString());
        } else if (method.equals("GET") && admin.matches("/groups/[^/]+/members")) {
            boolean member = first(x) == 0 && MEMBERSHIPS.contains(admin.split("/")[2]);
            reply(x, 200, member ? "[{\"id\":\"" + USER + "\"}]" : "[]");
        } else if (method.equals("GET") && admin.equals("/admin-events")) {
            String query = x.getRequestURI().getRawQuery();
            eventsQuery = query;
            long from = Long.parseLong(query.replaceAll(".*dateFrom=(\\d+).*", "$1"));
            StringBuilder out = new StringBuilder("[");
            DELETIONS.stream().filter(e -> e.getValue() >= from).forEach(e -> out.append(out.length() > 1 ? "," : "")
                    .append("{\"time\":").append(e.getValue()).append(",\"resourcePath\":\"").append(e.getKey())
                    .append("\"}"));
            reply(x, 200, out.append(']').toString());
        } else {
            reply(x, 404, "{}");
        }
    }

    /** The {@code first} of a paged read; a later page is empty here. */
    private static int first(HttpExchange x) {
        String query = x.getRequestURI().getRawQuery();
        return query != null && query.matches(".*first=[1-9].*") ? 1 : 0;
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && status != 204) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }
}
