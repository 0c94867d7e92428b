package dev.atrium.workspace.adapter.out.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.out.MembershipDirectory;
import dev.atrium.workspace.application.port.out.UserProfiles;
import dev.atrium.workspace.config.KeycloakConfig;
import dev.atrium.workspace.domain.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Group memberships through the Keycloak admin REST API, as the workspace service account
 * (realm-management manage-users, view-users, query-groups, query-users). Groups are created on
 * first use, one path segment at a time: {@code /orgs}, {@code /orgs/{org}}, {@code /orgs/{org}/admin}.
 */
@ApplicationScoped
class KeycloakMembershipDirectory implements MembershipDirectory, UserProfiles {

    private static final Logger LOG = Logger.getLogger(KeycloakMembershipDirectory.class);
    /** Deletions read at once; more in one interval are read by the next rounds, from the last one's time. */
    private static final int DELETIONS_PER_READ = 100;
    /** Groups or members read at once while copying memberships. */
    private static final int PAGE = 500;

    private final KeycloakConfig config;
    private final ServiceAccountToken token;
    private final ObjectMapper json;
    private final HttpClient http;

    KeycloakMembershipDirectory(KeycloakConfig config, ServiceAccountToken token, ObjectMapper json) {
        this.config = config;
        this.token = token;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(config.timeoutMillis())).build();
    }

    @Override
    public boolean userExists(String userId) {
        HttpResponse<String> r = call("GET", "/users/" + userId, null);
        return expect(r, 200, 404) == 200;
    }

    /** The user's representation (view-users): email, firstName and lastName as Keycloak keeps them. */
    @Override
    public Optional<UserProfile> profile(String userId) {
        HttpResponse<String> r = call("GET", "/users/" + userId, null);
        if (expect(r, 200, 404) == 404) {
            return Optional.empty();
        }
        JsonNode user = read(r);
        return Optional.of(new UserProfile(text(user, "email"), text(user, "firstName"), text(user, "lastName")));
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    @Override
    public Set<String> groupsOf(String userId) {
        HttpResponse<String> r = call("GET", "/users/" + userId + "/groups?briefRepresentation=true&max=1000", null);
        expect(r, 200);
        Set<String> paths = new LinkedHashSet<>();
        read(r).forEach(group -> paths.add(group.path("path").asText()));
        return paths;
    }

    @Override
    public void join(String userId, String groupPath) {
        expect(call("PUT", "/users/" + userId + "/groups/" + ensureGroup(groupPath), null), 204);
    }

    @Override
    public void leave(String userId, String groupPath) {
        Optional<String> group = findGroup(groupPath);
        if (group.isPresent()) {
            expect(call("DELETE", "/users/" + userId + "/groups/" + group.get(), null), 204, 404);
        }
    }

    /**
     * Walks the {@code /orgs} subtree (children of each group, page by page) and reads each group's members:
     * two admin-API reads per group, for the upgrade's one-time copy only.
     */
    @Override
    public Map<String, Set<String>> memberships() {
        Map<String, Set<String>> held = new TreeMap<>();
        Optional<String> root = findGroup("/orgs");
        if (root.isEmpty()) {
            return held;
        }
        Deque<String[]> open = new ArrayDeque<>();
        open.push(new String[] {root.get(), "/orgs"});
        while (!open.isEmpty()) {
            String[] group = open.pop();
            for (JsonNode child : pages("/groups/" + group[0] + "/children?briefRepresentation=true")) {
                String id = child.path("id").asText();
                String path = group[1] + "/" + child.path("name").asText();
                open.push(new String[] {id, path});
                Set<String> users = new TreeSet<>();
                pages("/groups/" + id + "/members?briefRepresentation=true").forEach(u -> users.add(u.path("id").asText()));
                if (!users.isEmpty()) {
                    held.put(path, users);
                }
            }
        }
        return held;
    }

    private List<JsonNode> pages(String path) {
        List<JsonNode> all = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            HttpResponse<String> r = call("GET", path + "&first=" + first + "&max=" + PAGE, null);
            expect(r, 200);
            JsonNode page = read(r);
            page.forEach(all::add);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    /**
     * Keycloak's admin events of user deletions (realm {@code adminEventsEnabled}, role {@code view-events}),
     * from {@code from} inclusive: one indexed query, cheap enough to ask several times a second.
     */
    @Override
    public List<Deletion> deletionsSince(Instant from) {
        HttpResponse<String> r = call("GET", "/admin-events?operationTypes=DELETE&resourceTypes=USER&direction=asc"
                + "&max=" + DELETIONS_PER_READ + "&dateFrom=" + from.toEpochMilli(), null);
        expect(r, 200);
        List<Deletion> deletions = new ArrayList<>();
        for (JsonNode event : read(r)) {
            String path = event.path("resourcePath").asText("");
            if (path.startsWith("users/") && path.indexOf('/', "users/".length()) < 0) {
                deletions.add(new Deletion(path.substring("users/".length()),
                        Instant.ofEpochMilli(event.path("time").asLong())));
            }
        }
        deletions.sort(Comparator.comparing(Deletion::at));
        return deletions;
    }

    private String ensureGroup(String path) {
        String parent = null;
        StringBuilder current = new StringBuilder();
        for (String segment : path.substring(1).split("/")) {
            current.append('/').append(segment);
            String at = current.toString();
            String parentId = parent;
            parent = findGroup(at).orElseGet(() -> createGroup(parentId, segment, at));
        }
        return parent;
    }

    private Optional<String> findGroup(String path) {
        HttpResponse<String> r = call("GET", "/group-by-path" + path, null);
        return expect(r, 200, 404) == 200 ? Optional.of(read(r).path("id").asText()) : Optional.empty();
    }

    /** A concurrent creation answers 409; the group then exists and is looked up again. */
    private String createGroup(String parentId, String name, String path) {
        String target = parentId == null ? "/groups" : "/groups/" + parentId + "/children";
        HttpResponse<String> r = call("POST", target, "{\"name\":\"" + name + "\"}");
        if (expect(r, 201, 409) == 409) {
            return findGroup(path).orElseThrow(() -> unavailable("group " + path + " vanished"));
        }
        return r.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                .orElseGet(() -> findGroup(path).orElseThrow(() -> unavailable("group " + path + " not created")));
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpResponse<String> r = send(method, path, body, token.get(false));
        return r.statusCode() == 401 ? send(method, path, body, token.get(true)) : r;
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.url() + "/admin/realms/" + config.realm()
                + path)).timeout(Duration.ofMillis(config.timeoutMillis())).header("Authorization", "Bearer " + bearer);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(method + " " + path + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private static int expect(HttpResponse<String> r, int... accepted) {
        for (int status : accepted) {
            if (r.statusCode() == status) {
                return status;
            }
        }
        throw unavailable(r.request().method() + " " + r.request().uri().getPath() + " answered " + r.statusCode());
    }

    private JsonNode read(HttpResponse<String> r) {
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw unavailable("unreadable answer from " + r.request().uri().getPath());
        }
    }

    static ApiException unavailable(String detail) {
        LOG.warnf("Keycloak admin API failed: %s", detail);
        return new ApiException(502, "The identity provider did not accept the membership change; nothing was changed");
    }
}
