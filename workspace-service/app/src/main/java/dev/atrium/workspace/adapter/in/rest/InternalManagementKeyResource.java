package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.common.security.ManagementKeyIdentity;
import dev.atrium.workspace.api.ResolveKeyRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Every service resolves management keys here (common/web's RemoteManagementKeys): unlike API keys, which
 * only the gateway resolves, a management key authenticates at every service. The answer names no secret,
 * only the rights the key stands for now.
 */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalManagementKeyResource {

    private final ManagementKeyIdentities identities;

    InternalManagementKeyResource(ManagementKeyIdentities identities) {
        this.identities = identities;
    }

    @POST
    @Path("/management-keys/resolve")
    public ManagementKeyIdentity resolve(ResolveKeyRequest request) {
        return identities.find(request == null ? null : request.key())
                .orElseThrow(() -> ApiException.notFound("Unknown or revoked management key"));
    }
}
