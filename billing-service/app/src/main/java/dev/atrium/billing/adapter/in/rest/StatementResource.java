package dev.atrium.billing.adapter.in.rest;

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
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    StatementResource(ProduceStatementQuery statements, TenantGuard guard, SecurityIdentity caller) {
        this.statements = statements;
        this.guard = guard;
        this.caller = caller;
    }

    /** {@code month} is {@code yyyy-mm}, a UTC calendar month; a month in progress is {@code closed: false}. */
    @GET
    @Path("/workspaces/{ws}/statements/{month}")
    public StatementView statement(@PathParam("ws") String ws, @PathParam("month") String month) {
        var workspace = guard.workspaceReader(caller, ws);
        return StatementView.of(statements.statement(StatementRequest.of(workspace, month)));
    }
}
