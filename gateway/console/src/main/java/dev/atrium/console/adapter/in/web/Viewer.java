package dev.atrium.console.adapter.in.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in and where the token says they belong (its realm roles and group paths such as
 * {@code /orgs/{org}/admin}). Only used to choose what to show and link; every call still goes to the
 * services, which decide with the same token.
 */
@RequestScoped
public class Viewer {

    static final String PLATFORM_ADMIN = "platform-admin";
    private static final Pattern ORG = Pattern.compile("^/orgs/([^/]+)/(admin|billing|member)$");
    private static final Pattern WORKSPACE = Pattern.compile("^/orgs/([^/]+)/workspaces/([^/]+)/(admin|member)$");

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    /** What templates read about the signed-in user. */
    @TemplateData
    public record Me(String name, boolean platformAdmin, List<Membership> memberships) {
    }

    public Me me() {
        return new Me(name(), platformAdmin(), memberships());
    }

    /** One organization the token names, with the caller's organization roles and workspace roles. */
    @TemplateData
    public record Membership(String organizationId, boolean admin, boolean billing, Map<String, String> workspaces) {
    }

    public String name() {
        String name = idToken.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public boolean platformAdmin() {
        return identity.hasRole(PLATFORM_ADMIN);
    }

    public boolean orgAdmin(String organizationId) {
        return platformAdmin() || identity.hasRole("/orgs/" + organizationId + "/admin");
    }

    public boolean workspaceAdmin(String organizationId, String workspaceId) {
        return orgAdmin(organizationId)
                || identity.hasRole("/orgs/" + organizationId + "/workspaces/" + workspaceId + "/admin");
    }

    public List<Membership> memberships() {
        Map<String, boolean[]> orgs = new TreeMap<>();
        Map<String, Map<String, String>> workspaces = new TreeMap<>();
        for (String role : identity.getRoles()) {
            Matcher org = ORG.matcher(role);
            Matcher ws = WORKSPACE.matcher(role);
            if (org.matches()) {
                boolean[] flags = orgs.computeIfAbsent(org.group(1), k -> new boolean[2]);
                flags[0] |= org.group(2).equals("admin");
                flags[1] |= org.group(2).equals("billing");
            } else if (ws.matches()) {
                orgs.computeIfAbsent(ws.group(1), k -> new boolean[2]);
                workspaces.computeIfAbsent(ws.group(1), k -> new TreeMap<>()).merge(ws.group(2), ws.group(3),
                        (a, b) -> a.equals("admin") ? a : b);
            }
        }
        List<Membership> out = new ArrayList<>();
        orgs.forEach((id, flags) -> out.add(new Membership(id, flags[0], flags[1],
                workspaces.getOrDefault(id, Map.of()))));
        return out;
    }
}
