package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.IssueManagementKeyCommand;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.IssueManagementKeyUseCase;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.ManagementKeyQuery;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.RevokeManagementKeyUseCase;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.domain.ManagementKey;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Organization admins issue, list and revoke management keys. A management key itself may list and
 * revoke them but not issue one: a leaked key must not be able to mint its own successors.
 */
@Path("/api/v1")
@Authenticated
class ManagementKeyResource {

    private final IssueManagementKeyUseCase issue;
    private final ManagementKeyQuery query;
    private final RevokeManagementKeyUseCase revoke;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    ManagementKeyResource(IssueManagementKeyUseCase issue, ManagementKeyQuery query, RevokeManagementKeyUseCase revoke,
            TenantGuard guard, SecurityIdentity caller) {
        this.issue = issue;
        this.query = query;
        this.revoke = revoke;
        this.guard = guard;
        this.caller = caller;
    }

    @Operation(summary = "Issue a management key (organization admins); the secret is in this answer only",
            description = "The key (sk-at-mgmt-v1-...) authenticates management calls at every service and at the"
                    + " gateway's OpenRouter management routes with the rights its creator holds in this organization"
                    + " at the time of use; it never calls models.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"name\":\"provisioning\"}")))
    @POST
    @Path("/organizations/{org}/management-keys")
    public Response issueManagementKey(@PathParam("org") String org, CreateManagementKey body) {
        guard.organizationAdmin(caller, org);
        if (Caller.managementKeyOrganization(caller) != null) {
            throw ApiException.forbidden("A management key cannot issue management keys; use an admin's token");
        }
        var issued = issue.issue(IssueManagementKeyCommand.of(org, body == null ? null : body.name(),
                Caller.userId(caller)));
        return Response.created(URI.create("/api/v1/organizations/" + org + "/management-keys/" + issued.key().id()))
                .entity(ManagementKeyView.of(issued.key(), issued.secret().value())).build();
    }

    @Operation(summary = "List an organization's management keys (prefix and last4, never the secret)")
    @GET
    @Path("/organizations/{org}/management-keys")
    public Dtos.ListView<ManagementKeyView> listManagementKeys(@PathParam("org") String org,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        guard.organizationAdmin(caller, org);
        return Dtos.ListView.of(query.list(org, PageRequest.parse(limit, cursor)), k -> ManagementKeyView.of(k, null));
    }

    @Operation(summary = "Revoke a management key; every service refuses it within a second")
    @DELETE
    @Path("/organizations/{org}/management-keys/{key}")
    public Response revokeManagementKey(@PathParam("org") String org, @PathParam("key") String key) {
        guard.organizationAdmin(caller, org);
        revoke.revoke(org, key);
        return Response.noContent().build();
    }

    record CreateManagementKey(String name) {
    }

    /** {@code key}: the secret, only in the answer that issued it. */
    record ManagementKeyView(String id, String key, String name, String prefix, String last4, String organizationId,
            String creatorUserId, Instant createdAt) {
        static ManagementKeyView of(ManagementKey k, String secret) {
            return new ManagementKeyView(k.id(), secret, k.name(), k.prefix(), k.last4(), k.organizationId(),
                    k.creatorUserId(), k.createdAt());
        }
    }
}
