package dev.atrium.workspace.adapter.out.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.out.MembershipDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
class KeycloakMembershipDirectory implements MembershipDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakMembershipDirectory.class);

    private final KeycloakAdminApi keycloak;

    KeycloakMembershipDirectory(@RestClient KeycloakAdminApi keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public boolean userExists(String userId) {
        return expect("GET user", () -> keycloak.user(userId), 200, 404).getStatus() == 200;
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
