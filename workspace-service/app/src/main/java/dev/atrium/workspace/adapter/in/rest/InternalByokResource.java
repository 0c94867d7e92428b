package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.workspace.api.ByokSecret;
import dev.atrium.workspace.application.port.in.ByokQuery;
import dev.atrium.workspace.config.ByokConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Decrypted BYOK secrets, for the gateway's service account only (other services get 403). */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalByokResource {

    private final ByokQuery byok;
    private final ByokConfig config;
    private final SecurityIdentity caller;

    InternalByokResource(ByokQuery byok, ByokConfig config, SecurityIdentity caller) {
        this.byok = byok;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Path("/workspaces/{ws}/byok/{provider}")
    public ByokSecret getByokSecret(@PathParam("ws") String ws, @PathParam("provider") String provider) {
        if (!config.secretReaders().contains(caller.getPrincipal().getName())) {
            throw ApiException.forbidden("Only the gateway may read BYOK secrets");
        }
        return byok.secret(ws, provider);
    }
}
