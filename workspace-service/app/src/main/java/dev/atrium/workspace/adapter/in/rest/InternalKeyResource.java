package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.ResolveKeyRequest;
import dev.atrium.workspace.application.port.in.ResolveApiKeyUseCase;
import dev.atrium.workspace.application.port.in.ResolveApiKeyUseCase.ResolvedKey;
import dev.atrium.workspace.domain.ByokCredential;
import dev.atrium.workspace.domain.WorkspaceSettings;
import dev.atrium.workspace.config.KeysConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;


/**
 * The gateway's key resolution: only the gateway's own service account may call it. Another
 * service's token resolving keys would turn any leaked service credential into a key oracle.
 */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalKeyResource {

    private final ResolveApiKeyUseCase resolveApiKey;
    private final SecurityIdentity caller;
    private final String gatewayClientId;

    InternalKeyResource(ResolveApiKeyUseCase resolveApiKey, SecurityIdentity caller,
            KeysConfig config) {
        this.resolveApiKey = resolveApiKey;
        this.caller = caller;
        this.gatewayClientId = config.resolutionClient();
    }

    @POST
    @Path("/keys/resolve")
    public KeyContext resolveKey(ResolveKeyRequest request) {
        if (!Caller.isClient(caller, gatewayClientId)) {
            throw ApiException.forbidden("Only the gateway's service account resolves API keys");
        }
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
