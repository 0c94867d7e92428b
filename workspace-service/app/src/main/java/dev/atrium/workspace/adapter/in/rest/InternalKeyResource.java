package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.ResolveKeyRequest;
import dev.atrium.workspace.application.port.in.ResolveApiKeyUseCase;
import dev.atrium.workspace.application.port.in.ResolveApiKeyUseCase.ResolvedKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** The gateway's key resolution: only service tokens may call it. */
@Path("/internal/v1/keys/resolve")
@RolesAllowed(Caller.SERVICE)
class InternalKeyResource {

    private final ResolveApiKeyUseCase resolveApiKey;

    InternalKeyResource(ResolveApiKeyUseCase resolveApiKey) {
        this.resolveApiKey = resolveApiKey;
    }

    @POST
    public KeyContext resolve(ResolveKeyRequest request) {
        return resolveApiKey.resolve(request == null ? null : request.key())
                .map(InternalKeyResource::toContext)
                .orElseThrow(() -> ApiException.notFound("Unknown, disabled or expired API key"));
    }

    private static KeyContext toContext(ResolvedKey r) {
        var k = r.key();
        var w = r.workspace();
        return new KeyContext(k.id(), k.name(), k.ownerUserId(), k.limit(),
                k.limitReset() == null ? null : k.limitReset().wire(), k.includeByokInLimit(), w.id(),
                w.slug().value(), w.organizationId(), w.defaultTextModel(), w.defaultProviderSort(),
                w.settingsRevision());
    }
}
