package dev.atrium.workspace.adapter.out.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.atrium.common.error.ApiException;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.workspace.config.KeycloakConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a small imitation of Keycloak's admin API on a free port. */
class KeycloakMembershipDirectoryAdapterTest {

    private static final String USER = "6f1c0d9e-0000-4000-8000-000000000001";

    private final Map<String, String> groupIdsByPath = new HashMap<>();
    private final Map<String, String> pathsById = new HashMap<>();
    private final Set<String> memberships = new HashSet<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private HttpServer server;
    private KeycloakMembershipDirectory directory;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        KeycloakConfig config = new KeycloakConfig() {
            public String url() {
                return url;
            }

            public String realm() {
                return "atrium";
            }

            public String clientId() {
                return "atrium-workspace";
            }

            public String clientSecret() {
                return "local-workspace-secret";
            }

            public int timeoutMillis() {
                return 2000;
            }
        };
        ObjectMapper json = JsonSettings.apply(new ObjectMapper());
        directory = new KeycloakMembershipDirectory(config,
                new ServiceAccountToken(config, json, Clock.systemUTC()), json);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void joinCreatesTheGroupPathOnceAndAddsTheUser() {
        directory.join(USER, "/orgs/org_a/admin");
        directory.join(USER, "/orgs/org_a/workspaces/ws_1/member");
        assertThat(groupIdsByPath.keySet()).containsExactlyInAnyOrder("/orgs", "/orgs/org_a", "/orgs/org_a/admin",
                "/orgs/org_a/workspaces", "/orgs/org_a/workspaces/ws_1", "/orgs/org_a/workspaces/ws_1/member");
        assertThat(directory.groupsOf(USER)).containsExactlyInAnyOrder("/orgs/org_a/admin",
                "/orgs/org_a/workspaces/ws_1/member");
        assertThat(tokens.get()).isEqualTo(1);
    }

    @Test
    void leaveRemovesTheMembershipAndIgnoresMissingGroups() {
        directory.join(USER, "/orgs/org_a/billing");
        directory.leave(USER, "/orgs/org_a/billing");
        directory.leave(USER, "/orgs/org_z/admin");
        assertThat(directory.groupsOf(USER)).isEmpty();
    }

    @Test
    void knowsWhichUsersExist() {
        assertThat(directory.userExists(USER)).isTrue();
        assertThat(directory.userExists("6f1c0d9e-0000-4000-8000-00000000dead")).isFalse();
    }

    @Test
    void readsAUsersEmailAndNames() {
        var profile = directory.profile(USER).orElseThrow();
        assertThat(profile.email()).isEqualTo("ada@example.com");
        assertThat(profile.firstName()).isEqualTo("Ada");
        assertThat(profile.lastName()).isEqualTo("Lovelace");
        assertThat(directory.profile("6f1c0d9e-0000-4000-8000-00000000dead")).isEmpty();
    }

    @Test
    void anUnreachableKeycloakIsA502() {
        server.stop(0);
        assertThatThrownBy(() -> directory.join(USER, "/orgs/org_a/admin")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(502);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        if (path.equals("/realms/atrium/protocol/openid-connect/token")) {
            String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = form.contains("client_secret=local-workspace-secret");
            tokens.incrementAndGet();
            reply(x, ok ? 200 : 401, ok ? "{\"access_token\":\"t1\",\"expires_in\":300}" : "{}");
            return;
        }
        if (!"Bearer t1".equals(x.getRequestHeaders().getFirst("Authorization"))) {
            reply(x, 401, "{}");
            return;
        }
        String admin = path.substring("/admin/realms/atrium".length());
        if (admin.startsWith("/group-by-path")) {
            String p = admin.substring("/group-by-path".length());
            String id = groupIdsByPath.get(p);
            reply(x, id == null ? 404 : 200, id == null ? "{}" : "{\"id\":\"" + id + "\",\"path\":\"" + p + "\"}");
        } else if (method.equals("POST") && (admin.equals("/groups") || admin.endsWith("/children"))) {
            String name = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
            String parent = admin.equals("/groups") ? "" : pathsById.get(admin.split("/")[2]);
            String id = "g" + (groupIdsByPath.size() + 1);
            groupIdsByPath.put(parent + "/" + name, id);
            pathsById.put(id, parent + "/" + name);
            x.getResponseHeaders().add("Location", "http://kc/admin/realms/atrium/groups/" + id);
            reply(x, 201, "");
        } else if (admin.equals("/users/" + USER)) {
            reply(x, 200, "{\"id\":\"" + USER + "\",\"email\":\"ada@example.com\",\"firstName\":\"Ada\","
                    + "\"lastName\":\"Lovelace\"}");
        } else if (admin.startsWith("/users/" + USER + "/groups/")) {
            String group = admin.substring(admin.lastIndexOf('/') + 1);
            if (method.equals("PUT")) {
                memberships.add(group);
            } else {
                memberships.remove(group);
            }
            reply(x, 204, "");
        } else if (admin.equals("/users/" + USER + "/groups")) {
            StringBuilder out = new StringBuilder("[");
            memberships.forEach(g -> out.append(out.length() > 1 ? "," : "").append("{\"id\":\"").append(g)
                    .append("\",\"path\":\"").append(pathsById.get(g)).append("\"}"));
            reply(x, 200, out.append(']').toString());
        } else {
            reply(x, 404, "{}");
        }
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && status != 204) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }
}
