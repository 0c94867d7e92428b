package dev.atrium.workspace.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.security.Caller;
import dev.atrium.workspace.application.port.in.ApiKeyQuery;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.in.RevokeApiKeyUseCase;
import dev.atrium.workspace.application.port.in.RotateApiKeyUseCase;
import dev.atrium.workspace.application.port.in.RotateApiKeyUseCase.RotateApiKeyCommand;
import dev.atrium.workspace.application.port.in.UpdateApiKeyUseCase;
import dev.atrium.workspace.application.port.in.UpdateApiKeyUseCase.UpdateApiKeyCommand;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Workspace members read keys (never a secret); workspace admins issue, change, rotate and revoke them. */
@Path("/api/v1")
@Authenticated
class ApiKeyResource {

    private final IssueApiKeyUseCase issueApiKey;
    private final ApiKeyQuery apiKeys;
    private final UpdateApiKeyUseCase updateApiKey;
    private final RotateApiKeyUseCase rotateApiKey;
    private final RevokeApiKeyUseCase revokeApiKey;
    private final TenantGuard guard;
    private final SecurityIdentity caller;
    private final Clock clock;

    ApiKeyResource(IssueApiKeyUseCase issueApiKey, ApiKeyQuery apiKeys, UpdateApiKeyUseCase updateApiKey,
            RotateApiKeyUseCase rotateApiKey, RevokeApiKeyUseCase revokeApiKey, TenantGuard guard,
            SecurityIdentity caller, Clock clock) {
        this.issueApiKey = issueApiKey;
        this.apiKeys = apiKeys;
        this.updateApiKey = updateApiKey;
        this.rotateApiKey = rotateApiKey;
        this.revokeApiKey = revokeApiKey;
        this.guard = guard;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * {@code owner_user_id} (default: the caller) must name a member of the workspace or an admin of its
     * organization, else 400 naming the field; when the owner later leaves, the key stops for good and
     * shows {@code owner_removed_at}.
     */
    @Operation(summary = "Issue an API key; the secret is in this answer only",
            description = "owner_user_id (default: the caller) must be a member of the workspace or an admin of its"
                    + " organization (400 naming the field otherwise). When the owner leaves the workspace or is"
                    + " deleted, the key stops resolving and shows owner_removed_at.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"name\":\"ci\",\"limit\":5,\"limit_reset\":\"monthly\",\"include_byok_in_limit\":false,\"expires_at\":null,\"owner_user_id\":null}")))
    @POST
    @Path("/workspaces/{ws}/keys")
    public Response issueApiKey(@PathParam("ws") String ws, Dtos.CreateApiKey body) {
        guard.workspaceAdmin(caller, ws);
        Dtos.CreateApiKey b = body == null ? new Dtos.CreateApiKey(null, null, null, null, null, null) : body;
        boolean named = b.ownerUserId() != null;
        var issued = issueApiKey.issue(IssueApiKeyCommand.of(ws, b.name(), b.limit(), b.limitReset(),
                b.includeByokInLimit(), b.expiresAt(), named ? b.ownerUserId() : Caller.userId(caller), named,
                clock.instant()));
        return Response.created(URI.create("/api/v1/workspaces/" + ws + "/keys/" + issued.key().id()))
                .entity(Dtos.ApiKeyView.of(issued.key(), issued.secret().value())).build();
    }

    /** Oldest first; revoked keys are not listed. */
    @Operation(summary = "List a workspace's keys (prefix and last4, never the secret)")
    @GET
    @Path("/workspaces/{ws}/keys")
    public Dtos.ListView<Dtos.ApiKeyView> listApiKeys(@PathParam("ws") String ws, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        guard.workspaceReader(caller, ws);
        return Dtos.ListView.of(apiKeys.list(ws, PageRequest.parse(limit, cursor)), Dtos.ApiKeyView::of);
    }

    @Operation(summary = "Read one key")
    @GET
    @Path("/workspaces/{ws}/keys/{key}")
    public Dtos.ApiKeyView getApiKey(@PathParam("ws") String ws, @PathParam("key") String key) {
        guard.workspaceReader(caller, ws);
        return Dtos.ApiKeyView.of(apiKeys.get(ws, key));
    }

    /**
     * Any of {@code disabled}, {@code name}, {@code limit}, {@code limit_reset},
     * {@code include_byok_in_limit}, {@code expires_at}; null clears limit, limit_reset and expires_at.
     */
    @Operation(summary = "Disable, enable, rename or change a key's limits")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"disabled\":true,\"limit\":10,\"limit_reset\":\"daily\",\"expires_at\":\"2027-01-01T00:00:00Z\"}")))
    @PATCH
    @Path("/workspaces/{ws}/keys/{key}")
    public Dtos.ApiKeyView updateApiKey(@PathParam("ws") String ws, @PathParam("key") String key, JsonNode body) {
        guard.workspaceAdmin(caller, ws);
        PatchBody b = PatchBody.of(body, "name", "limit", "limit_reset", "include_byok_in_limit", "expires_at",
                "disabled");
        return Dtos.ApiKeyView.of(updateApiKey.update(UpdateApiKeyCommand.of(ws, key, b.text("name"),
                b.decimal("limit"), b.text("limit_reset"), b.bool("include_byok_in_limit"), b.instant("expires_at"),
                b.bool("disabled"), clock.instant())));
    }

    /**
     * A new secret, shown only in this answer. {@code {"grace_seconds":N}} keeps the previous secret
     * working for N seconds (0 to 604800; default 0: it stops at once); see {@code previous_valid_until}.
     */
    @Operation(summary = "Rotate: a new secret; the previous one works for grace_seconds (default 0, max 604800)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"grace_seconds\":3600}")))
    @POST
    @Path("/workspaces/{ws}/keys/{key}/rotate")
    public Dtos.ApiKeyView rotateApiKey(@PathParam("ws") String ws, @PathParam("key") String key, Dtos.RotateApiKey body) {
        guard.workspaceAdmin(caller, ws);
        var rotated = rotateApiKey.rotate(RotateApiKeyCommand.of(ws, key, body == null ? null : body.graceSeconds()));
        return Dtos.ApiKeyView.of(rotated.key(), rotated.secret().value());
    }

    /** Revokes: the key stops resolving at once and leaves the listing. */
    @Operation(summary = "Revoke (delete) a key; it stops resolving at once")
    @DELETE
    @Path("/workspaces/{ws}/keys/{key}")
    public Response revokeApiKey(@PathParam("ws") String ws, @PathParam("key") String key) {
        guard.workspaceAdmin(caller, ws);
        revokeApiKey.revoke(ws, key);
        return Response.noContent().build();
    }
}
