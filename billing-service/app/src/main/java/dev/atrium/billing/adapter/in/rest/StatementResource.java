package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.application.port.in.FindWorkspaceQuery;
import dev.atrium.billing.application.port.in.ProduceStatementQuery;
import dev.atrium.billing.application.port.in.ProduceStatementQuery.StatementRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/api/v1")
@Authenticated
class StatementResource {

    private final ProduceStatementQuery statements;
    private final FindWorkspaceQuery workspaces;
    private final SecurityIdentity caller;

    StatementResource(ProduceStatementQuery statements, FindWorkspaceQuery workspaces, SecurityIdentity caller) {
        this.statements = statements;
        this.workspaces = workspaces;
        this.caller = caller;
    }

    /** {@code month} is {@code yyyy-mm}, a UTC calendar month; a month in progress is {@code closed: false}. */
    @GET
    @Path("/workspaces/{ws}/statements/{month}")
    public StatementView statement(@PathParam("ws") String ws, @PathParam("month") String month) {
        var workspace = workspaces.workspace(ws).orElseThrow(() -> TenantGuard.workspaceNotFound(ws));
        TenantGuard.workspaceReader(caller, workspace);
        return StatementView.of(statements.statement(StatementRequest.of(workspace, month)));
    }
}
