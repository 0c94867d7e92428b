package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.security.Caller;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;

@Path("/api/v1")
@Authenticated
class ApiKeyResource {

    private final IssueApiKeyUseCase issueApiKey;
    private final TenantGuard guard;
    private final SecurityIdentity caller;
    private final Clock clock;

    ApiKeyResource(IssueApiKeyUseCase issueApiKey, TenantGuard guard, SecurityIdentity caller, Clock clock) {
        this.issueApiKey = issueApiKey;
        this.guard = guard;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/workspaces/{ws}/keys")
    public Response issue(@PathParam("ws") String ws, Dtos.CreateApiKey body) {
        guard.workspaceAdmin(caller, ws);
        Dtos.CreateApiKey b = body == null ? new Dtos.CreateApiKey(null, null, null, null, null, null) : body;
        String owner = b.ownerUserId() != null ? b.ownerUserId() : Caller.userId(caller);
        var issued = issueApiKey.issue(IssueApiKeyCommand.of(ws, b.name(), b.limit(), b.limitReset(),
                b.includeByokInLimit(), b.expiresAt(), owner, clock.instant()));
        return Response.created(URI.create("/api/v1/workspaces/" + ws + "/keys/" + issued.key().id()))
                .entity(Dtos.ApiKeyView.of(issued.key(), issued.secret().value())).build();
    }
}
