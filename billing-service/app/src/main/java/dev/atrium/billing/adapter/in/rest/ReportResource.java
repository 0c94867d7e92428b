package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.WorkspaceActivity;
import dev.atrium.billing.application.port.in.FindCreditSummaryQuery;
import dev.atrium.billing.application.port.in.ReportActivityQuery;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The same reports the gateway reads for an API key's {@code /credits} and {@code /activity}, for the
 * organization's billing readers (a token or a management key): the gateway's OpenRouter routes answer
 * a management key's {@code /credits} and {@code /activity} from here.
 */
@Path("/api/v1")
@Authenticated
class ReportResource {

    private final FindCreditSummaryQuery credits;
    private final ReportActivityQuery activity;
    private final SecurityIdentity caller;
    private final TenantGuard guard;

    ReportResource(FindCreditSummaryQuery credits, ReportActivityQuery activity, SecurityIdentity caller,
            TenantGuard guard) {
        this.guard = guard;
        this.credits = credits;
        this.activity = activity;
        this.caller = caller;
    }

    @Operation(summary = "The organization's credits: everything added, everything used, the balance")
    @GET
    @Path("/organizations/{org}/credits")
    public CreditTotals credits(@PathParam("org") String org) {
        guard.billingReader(caller, org);
        return InternalReportResource.totals(credits, org);
    }

    @Operation(summary = "A workspace's usage by UTC day, model and provider; from inclusive, to exclusive, both required")
    @GET
    @Path("/organizations/{org}/workspaces/{ws}/activity")
    public WorkspaceActivity activity(@PathParam("org") String org, @PathParam("ws") String ws,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        guard.billingReader(caller, org);
        return InternalReportResource.report(activity, org, ws, from, to);
    }
}
