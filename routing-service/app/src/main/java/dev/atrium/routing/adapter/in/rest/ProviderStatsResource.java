package dev.atrium.routing.adapter.in.rest;

import dev.atrium.routing.application.port.in.ProviderStatsQuery;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/api/v1")
class ProviderStatsResource {

    private final ProviderStatsQuery stats;

    ProviderStatsResource(ProviderStatsQuery stats) {
        this.stats = stats;
    }

    /** Every endpoint that saw traffic in the last 30 minutes; any signed-in caller may look. */
    @GET
    @Path("/providers/stats")
    @Authenticated
    public Dtos.StatsPage stats() {
        var recent = stats.recent();
        return new Dtos.StatsPage(recent.since(), recent.endpoints().stream().map(Dtos.EndpointStatsView::of).toList());
    }
}
