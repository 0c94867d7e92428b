package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.application.port.in.ReportUsageQuery;
import dev.atrium.billing.application.port.in.ReportUsageQuery.UsageReportRequest;
import dev.atrium.billing.domain.UsageReport;
import dev.atrium.billing.domain.UsageScope;
import dev.atrium.common.error.InvalidFieldException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

@Path("/api/v1")
@Authenticated
class UsageResource {

    private final ReportUsageQuery usage;
    private final TenantGuard guard;
    private final SecurityIdentity caller;
    private final Clock clock;

    UsageResource(ReportUsageQuery usage, TenantGuard guard, SecurityIdentity caller, Clock clock) {
        this.usage = usage;
        this.guard = guard;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/organizations/{org}/usage")
    public Response organizationUsage(@PathParam("org") String org, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("group_by") String groupBy,
            @QueryParam("format") String format) {
        guard.billingReader(caller, org);
        return answer(UsageScope.organization(org), from, to, groupBy, format, org);
    }

    /** The same report, limited to one workspace's generations. */
    @GET
    @Path("/workspaces/{ws}/usage")
    public Response workspaceUsage(@PathParam("ws") String ws, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("group_by") String groupBy,
            @QueryParam("format") String format) {
        var workspace = guard.workspaceReader(caller, ws);
        return answer(UsageScope.workspace(workspace), from, to, groupBy, format, ws);
    }

    private Response answer(UsageScope scope, String from, String to, String groupBy, String format, String name) {
        boolean csv = csv(format);
        UsageReport report = usage.report(UsageReportRequest.of(scope, from, to, groupBy, clock.instant()));
        if (csv) {
            String file = "usage-" + name + "-" + report.period().from() + "-" + report.period().to() + ".csv";
            return Response.ok(UsageViews.csv(report), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
        }
        return Response.ok(UsageViews.json(report), MediaType.APPLICATION_JSON).build();
    }

    /** The {@code format} parameter: json (the default) or csv. */
    static boolean csv(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw new InvalidFieldException("format", "format must be json or csv");
    }
}
