package dev.atrium.gateway.adapter.in.rest.management;

import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.WorkspaceActivity;
import dev.atrium.gateway.application.service.ActivityPeriod;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code GET /api/v1/credits} and {@code /api/v1/activity} for a caller that is not an API key (a management
 * key or a Keycloak token): the organization's, from billing-service's published reports with the caller's
 * identity. The routes stay in KeyAccountResource, which answers an API key from its own workspace.
 */
@ApplicationScoped
public class OrganizationReports {

    private final BillingServiceApi billing;
    private final ManagementCalls calls;
    private final Clock clock;

    OrganizationReports(@RestClient BillingServiceApi billing, ManagementCalls calls, Clock clock) {
        this.billing = billing;
        this.calls = calls;
        this.clock = clock;
    }

    public Uni<CreditTotals> credits(String auth, String org) {
        return calls.organization(auth, org).flatMap(o -> calls.relay(billing.credits(auth, o)));
    }

    /** Every workspace's report of the day named, or of the last 30 days, as for an API key. */
    public Uni<List<WorkspaceActivity>> activity(String auth, String org, String date) {
        ActivityPeriod period = ActivityPeriod.of(date, clock);
        return calls.organization(auth, org).flatMap(o -> calls.workspaceIds(auth, o, null)
                .flatMap(ids -> reports(auth, o, ids, 0, period, new ArrayList<>())));
    }

    private Uni<List<WorkspaceActivity>> reports(String auth, String org, List<String> workspaceIds, int i,
            ActivityPeriod period, List<WorkspaceActivity> reports) {
        if (i >= workspaceIds.size()) {
            return Uni.createFrom().item(reports);
        }
        return calls.relay(billing.activity(auth, org, workspaceIds.get(i), period.from().toString(),
                period.to().toString())).flatMap(report -> {
                    reports.add(report);
                    return reports(auth, org, workspaceIds, i + 1, period, reports);
                });
    }
}
