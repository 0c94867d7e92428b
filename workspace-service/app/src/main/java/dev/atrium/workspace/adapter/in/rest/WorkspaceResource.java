package dev.atrium.workspace.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.workspace.application.port.in.ArchiveWorkspaceUseCase;
import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase;
import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.atrium.workspace.application.port.in.FindTenancyQuery;
import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.in.UpdateWorkspaceUseCase;
import dev.atrium.workspace.application.port.in.UpdateWorkspaceUseCase.UpdateWorkspaceCommand;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/v1")
@Authenticated
class WorkspaceResource {

    private final CreateWorkspaceUseCase createWorkspace;
    private final UpdateWorkspaceUseCase updateWorkspace;
    private final ArchiveWorkspaceUseCase archiveWorkspace;
    private final FindTenancyQuery tenancy;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    WorkspaceResource(CreateWorkspaceUseCase createWorkspace, UpdateWorkspaceUseCase updateWorkspace,
            ArchiveWorkspaceUseCase archiveWorkspace, FindTenancyQuery tenancy, TenantGuard guard,
            SecurityIdentity caller) {
        this.createWorkspace = createWorkspace;
        this.updateWorkspace = updateWorkspace;
        this.archiveWorkspace = archiveWorkspace;
        this.tenancy = tenancy;
        this.guard = guard;
        this.caller = caller;
    }

    @Operation(summary = "Create a workspace; slug unique in the organization (409)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"name\":\"Prod\",\"slug\":\"prod\",\"default_text_model\":\"openai/gpt-4o-mini\",\"default_provider_sort\":\"price\"}")))
    @POST
    @Path("/organizations/{org}/workspaces")
    public Response createWorkspace(@PathParam("org") String org, Dtos.CreateWorkspace body) {
        guard.organizationAdmin(caller, org);
        Dtos.CreateWorkspace b = body == null ? new Dtos.CreateWorkspace(null, null, null, null) : body;
        var workspace = createWorkspace.create(CreateWorkspaceCommand.of(org, b.name(), b.slug(),
                b.defaultTextModel(), b.defaultProviderSort()));
        return Response.created(URI.create("/api/v1/workspaces/" + workspace.id()))
                .entity(Dtos.WorkspaceView.of(workspace)).build();
    }

    /**
     * Oldest first. Organization admins and billing see every workspace; others only theirs (a page
     * may then hold fewer than {@code limit}). {@code include_archived=true} adds archived ones.
     */
    @Operation(summary = "List an organization's workspaces")
    @GET
    @Path("/organizations/{org}/workspaces")
    public Dtos.ListView<Dtos.WorkspaceView> listWorkspaces(@PathParam("org") String org, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam("include_archived") boolean includeArchived) {
        guard.organizationReader(caller, org);
        var rights = guard.rights(caller);
        var page = tenancy.workspaces(org, includeArchived, PageRequest.parse(limit, cursor));
        var visible = rights.seesOrgBilling(org) ? page
                : new Page<>(page.data().stream().filter(w -> rights.seesWorkspace(w.organizationId(), w.id()))
                        .toList(), page.nextCursor());
        return Dtos.ListView.of(visible, Dtos.WorkspaceView::of);
    }

    @Operation(summary = "Read a workspace")
    @GET
    @Path("/workspaces/{ws}")
    public Dtos.WorkspaceView getWorkspace(@PathParam("ws") String ws) {
        return Dtos.WorkspaceView.of(guard.workspaceReader(caller, ws));
    }

    /** {@code name}, {@code default_text_model}, {@code default_provider_sort}; null clears a default. */
    @Operation(summary = "Change a workspace's name or defaults")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"name\":\"Production\",\"default_text_model\":\"anthropic/claude-3.5-sonnet\",\"default_provider_sort\":null}")))
    @PATCH
    @Path("/workspaces/{ws}")
    public Dtos.WorkspaceView updateWorkspace(@PathParam("ws") String ws, JsonNode body) {
        guard.workspaceAdmin(caller, ws);
        PatchBody b = PatchBody.of(body, "name", "default_text_model", "default_provider_sort");
        return Dtos.WorkspaceView.of(updateWorkspace.update(UpdateWorkspaceCommand.of(ws, b.text("name"),
                b.text("default_text_model"), b.text("default_provider_sort"))));
    }

    /** Archives (organization admins only): the workspace's keys stop resolving at once. */
    @Operation(summary = "Archive a workspace (organization admins); its keys stop working at once")
    @DELETE
    @Path("/workspaces/{ws}")
    public Response archiveWorkspace(@PathParam("ws") String ws) {
        var workspace = guard.workspaceReader(caller, ws);
        guard.organizationAdmin(caller, workspace.organizationId());
        archiveWorkspace.archive(ws);
        return Response.noContent().build();
    }
}
