package dev.atrium.workspace.adapter.out.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.out.MembershipDirectory;
import dev.atrium.workspace.application.port.out.UserProfiles;
import dev.atrium.workspace.domain.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
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
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Group memberships through the Keycloak admin REST API ({@link KeycloakAdminApi}), as the workspace service
 * account (realm-management manage-users, view-users, query-groups, query-users). Groups are created on
 * first use, one path segment at a time: {@code /orgs}, {@code /orgs/{org}}, {@code /orgs/{org}/admin}.
 * Whatever Keycloak does not accept, or does not answer in time, is a 502 with nothing changed here.
 */
@ApplicationScoped
class KeycloakMembershipDirectory implements MembershipDirectory, UserProfiles {

    private static final Logger LOG = Logger.getLogger(KeycloakMembershipDirectory.class);
    /** Deletions read at once; more in one interval are read by the next rounds, from the last one's time. */
    private static final int DELETIONS_PER_READ = 100;
    /** Groups or members read at once while copying memberships. */
    private static final int PAGE = 500;

    private final KeycloakAdminApi keycloak;

    KeycloakMembershipDirectory(@RestClient KeycloakAdminApi keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public boolean userExists(String userId) {
        return expect("GET user", () -> keycloak.user(userId), 200, 404).getStatus() == 200;
    }

    /** The user's representation (view-users): email, firstName and lastName as Keycloak keeps them. */
    @Override
    public Optional<UserProfile> profile(String userId) {
        Response r = expect("GET user", () -> keycloak.user(userId), 200, 404);
        if (r.getStatus() == 404) {
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
        Response r = expect("GET groups of a user", () -> keycloak.groupsOf(userId, true, 1000), 200);
        Set<String> paths = new LinkedHashSet<>();
        read(r).forEach(group -> paths.add(group.path("path").asText()));
        return paths;
    }

    @Override
    public void join(String userId, String groupPath) {
        String group = ensureGroup(groupPath);
        expect("PUT group membership", () -> keycloak.join(userId, group), 204);
    }

    @Override
    public void leave(String userId, String groupPath) {
        Optional<String> group = findGroup(groupPath);
        if (group.isPresent()) {
            expect("DELETE group membership", () -> keycloak.leave(userId, group.get()), 204, 404);
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
            for (JsonNode child : pages("GET children of " + group[1],
                    first -> keycloak.children(group[0], true, first, PAGE))) {
                String id = child.path("id").asText();
                String path = group[1] + "/" + child.path("name").asText();
                open.push(new String[] {id, path});
                Set<String> users = new TreeSet<>();
                pages("GET members of " + path, first -> keycloak.members(id, true, first, PAGE))
                        .forEach(u -> users.add(u.path("id").asText()));
                if (!users.isEmpty()) {
                    held.put(path, users);
                }
            }
        }
        return held;
    }

    /** Every page of a listing, {@link #PAGE} at a time, until a short page. */
    private static List<JsonNode> pages(String call, IntFunction<Response> page) {
        List<JsonNode> all = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            int from = first;
            JsonNode read = read(expect(call, () -> page.apply(from), 200));
            read.forEach(all::add);
            if (read.size() < PAGE) {
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
        Response r = expect("GET admin events", () -> keycloak.adminEvents("DELETE", "USER", "asc",
                DELETIONS_PER_READ, from.toEpochMilli()), 200);
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
        Response r = expect("GET group " + path, () -> keycloak.groupByPath(path.substring(1)), 200, 404);
        return r.getStatus() == 200 ? Optional.of(read(r).path("id").asText()) : Optional.empty();
    }

    /** A concurrent creation answers 409; the group then exists and is looked up again. */
    private String createGroup(String parentId, String name, String path) {
        Map<String, String> group = Map.of("name", name);
        Response r = expect("POST group " + path, () -> parentId == null ? keycloak.createGroup(group)
                : keycloak.createChildGroup(parentId, group), 201, 409);
        if (r.getStatus() == 409) {
            return findGroup(path).orElseThrow(() -> unavailable("group " + path + " vanished"));
        }
        return Optional.ofNullable(r.getHeaderString("Location")).map(l -> l.substring(l.lastIndexOf('/') + 1))
                .orElseGet(() -> findGroup(path).orElseThrow(() -> unavailable("group " + path + " not created")));
    }

    /** The call's answer if its status is one of {@code accepted}; any other answer or failure is a 502. */
    private static Response expect(String call, Supplier<Response> request, int... accepted) {
        Response r;
        try {
            r = request.get();
        } catch (WebApplicationException e) {
            r = e.getResponse();
        } catch (RuntimeException e) {
            throw unavailable(call + ": " + e.getMessage());
        }
        for (int status : accepted) {
            if (r.getStatus() == status) {
                return r;
            }
        }
        throw unavailable(call + " answered " + r.getStatus());
    }

    private static JsonNode read(Response r) {
        try {
            return r.readEntity(JsonNode.class);
        } catch (RuntimeException e) {
            throw unavailable("unreadable answer: " + e.getMessage());
        }
    }

    private static ApiException unavailable(String detail) {
        LOG.warnf("Keycloak admin API failed: %s", detail);
        return new ApiException(502, "The identity provider did not accept the membership change; nothing was changed");
    }
}
