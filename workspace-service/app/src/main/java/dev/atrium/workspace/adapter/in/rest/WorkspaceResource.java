package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase;
import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/api/v1")
@Authenticated
class WorkspaceResource {

    private final CreateWorkspaceUseCase createWorkspace;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    WorkspaceResource(CreateWorkspaceUseCase createWorkspace, TenantGuard guard, SecurityIdentity caller) {
        this.createWorkspace = createWorkspace;
        this.guard = guard;
        this.caller = caller;
    }

    @POST
    @Path("/organizations/{org}/workspaces")
    public Response create(@PathParam("org") String org, Dtos.CreateWorkspace body) {
        guard.organizationAdmin(caller, org);
        Dtos.CreateWorkspace b = body == null ? new Dtos.CreateWorkspace(null, null, null, null) : body;
        var workspace = createWorkspace.create(CreateWorkspaceCommand.of(org, b.name(), b.slug(),
                b.defaultTextModel(), b.defaultProviderSort()));
        return Response.created(URI.create("/api/v1/workspaces/" + workspace.id()))
                .entity(Dtos.WorkspaceView.of(workspace)).build();
    }

    @GET
    @Path("/workspaces/{ws}")
    public Dtos.WorkspaceView get(@PathParam("ws") String ws) {
        return Dtos.WorkspaceView.of(guard.workspaceReader(caller, ws));
    }
}
