package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.WorkspaceActivity;
import dev.atrium.billing.application.port.in.FindCreditSummaryQuery;
import dev.atrium.billing.application.port.in.ReportActivityQuery;
import dev.atrium.billing.application.port.in.ReportActivityQuery.ActivityRequest;
import dev.atrium.billing.domain.ActivityLine;
import dev.atrium.billing.domain.CreditSummary;
import dev.atrium.common.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * The gateway's {@code GET /api/v1/credits} and {@code GET /api/v1/activity} ask here for the
 * organization and workspace of the caller's API key, which the gateway resolved itself.
 */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalReportResource {

    private final FindCreditSummaryQuery credits;
    private final ReportActivityQuery activity;

    InternalReportResource(FindCreditSummaryQuery credits, ReportActivityQuery activity) {
        this.credits = credits;
        this.activity = activity;
    }

    @GET
    @Path("/organizations/{org}/credits")
    public CreditTotals credits(@PathParam("org") String org) {
        return totals(credits, org);
    }

    /** {@code from} inclusive, {@code to} exclusive, both required. */
    @GET
    @Path("/organizations/{org}/workspaces/{ws}/activity")
    public WorkspaceActivity activity(@PathParam("org") String org, @PathParam("ws") String ws,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return report(activity, org, ws, from, to);
    }

    static CreditTotals totals(FindCreditSummaryQuery credits, String org) {
        CreditSummary c = credits.credits(org);
        return new CreditTotals(org, Dtos.money(c.totalCredits()), Dtos.money(c.totalUsage()),
                Dtos.money(c.balance()));
    }

    static WorkspaceActivity report(ReportActivityQuery activity, String org, String ws, String from, String to) {
        ActivityRequest request = ActivityRequest.of(org, ws, from, to);
        return new WorkspaceActivity(org, ws, request.period().from(), request.period().to(),
                activity.activity(request).stream().map(InternalReportResource::row).toList());
    }

    private static WorkspaceActivity.Row row(ActivityLine l) {
        return new WorkspaceActivity.Row(l.day(), l.model(), l.provider(), l.requests(), l.promptTokens(),
                l.completionTokens(), Dtos.money(l.cost()), Dtos.money(l.byokCost()), Dtos.money(l.byokFee()),
                Dtos.money(l.charged()));
    }
}
