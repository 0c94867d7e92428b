package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.ResolveKeyRequest;
import dev.atrium.workspace.application.port.in.ResolveApiKeyUseCase;
import dev.atrium.workspace.application.port.in.ResolveApiKeyUseCase.ResolvedKey;
import dev.atrium.workspace.domain.ByokCredential;
import dev.atrium.workspace.domain.WorkspaceSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** The gateway's key resolution: only service tokens may call it. */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalKeyResource {

    private final ResolveApiKeyUseCase resolveApiKey;

    InternalKeyResource(ResolveApiKeyUseCase resolveApiKey) {
        this.resolveApiKey = resolveApiKey;
    }

    @POST
    @Path("/keys/resolve")
    public KeyContext resolveKey(ResolveKeyRequest request) {
        return resolveApiKey.resolve(request == null ? null : request.key())
                .map(InternalKeyResource::toContext)
                .orElseThrow(() -> ApiException.notFound("Unknown, disabled or expired API key"));
    }

    private static KeyContext toContext(ResolvedKey r) {
        var k = r.key();
        var w = r.workspace();
        WorkspaceSettings s = r.settings();
        return new KeyContext(k.id(), k.name(), k.ownerUserId(), k.limit(),
                k.limitReset() == null ? null : k.limitReset().wire(), k.includeByokInLimit(), w.id(),
                w.slug().value(), w.organizationId(), w.defaultTextModel(), w.defaultProviderSort(),
                w.settingsRevision(), s.byok().stream().map(InternalKeyResource::toProvider).toList(),
                s.presetIndex(),
                s.plugins().stream().map(p -> new KeyContext.PluginSetting(p.id(), p.enabled(), p.locked(),
                        p.options())).toList(),
                s.observability().stream().map(d -> new KeyContext.ObservabilityDestination(d.type(), d.endpoint(),
                        d.samplingRate(), d.privacyMode())).toList(),
                r.validUntil());
    }

    private static KeyContext.ByokProvider toProvider(ByokCredential c) {
        return new KeyContext.ByokProvider(c.provider(), c.isFallback(), c.allowedModels());
    }
}
