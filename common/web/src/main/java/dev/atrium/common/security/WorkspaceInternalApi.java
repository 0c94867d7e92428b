package dev.atrium.common.security;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * workspace-service's internal routes, called with this service's own service-account token: the default
 * OIDC client's client credentials ({@code quarkus.oidc-client.*}, the same client as {@code quarkus.oidc}).
 * URL and timeouts: {@code quarkus.rest-client.workspace-internal.*}.
 */
@RegisterRestClient(configKey = "workspace-internal")
@OidcClientFilter
@Path("/internal/v1")
interface WorkspaceInternalApi {

    /** The key's identity; 404 when it is unknown or revoked. */
    @POST
    @Path("/management-keys/resolve")
    Uni<ManagementKeyIdentity> resolveManagementKey(Map<String, String> body);

    /**
     * The user's group paths now, as workspace-service's membership record says. Blocking: {@link CurrentRights}
     * is asked on a worker thread, inside a management call's authorization.
     */
    @GET
    @Path("/members/{user}/groups")
    MemberGroups groupsOf(@PathParam("user") String userId);
}
