package dev.atrium.routing.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.local.testing.MutableClock;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.api.RouteConstraints;
import dev.atrium.routing.application.port.in.PlanRouteUseCase.PlanRouteCommand;
import dev.atrium.routing.application.port.in.PreviewRouteUseCase.PreviewEntry;
import dev.atrium.routing.application.port.in.PreviewRouteUseCase.PreviewRouteCommand;
import dev.atrium.routing.application.port.in.SetWorkspaceRoutingUseCase.SetWorkspaceRoutingCommand;
import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.Catalogs;
import dev.atrium.routing.domain.CircuitPolicy;
import dev.atrium.routing.domain.KnownWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workspace defaults under the request's preferences, and the preview of the same ranking. */
class WorkspaceRoutingServiceTest {

    private final InMemoryRouting store = new InMemoryRouting();
    private final MutableClock clock =
            new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final WorkspaceDefaults defaults = new WorkspaceDefaults(store, clock,
            RoutePlanServiceTest.config(Duration.ofSeconds(5)));
    private final WorkspaceRoutingService routing = new WorkspaceRoutingService(store, store, defaults, clock);
    private final RoutePlanService plans = new RoutePlanService(new RoutingSnapshots(store, store,
            BaseUrlTemplate.none(), clock, RoutePlanServiceTest.config(Duration.ofSeconds(5)), Runnable::run), defaults,
            CircuitPolicy.defaults(), RoutePlanServiceTest.config(Duration.ofSeconds(5)), clock);

    @BeforeEach
    void workspace() {
        store.catalog = Catalogs.sample();
        routing.learn(new KnownWorkspace("ws_1", "org_1", false));
    }

    @Test
    void theWorkspaceDefaultsApplyToPlansAtOnceAndTheRequestWinsFieldByField() {
        var before = plans.plan(plan("ws_1", null));
        routing.set(SetWorkspaceRoutingCommand.of("ws_1",
                new ProviderPreferences(List.of("azure"), null, List.of("sim-fast"), null, "price", null, null),
                "admin-1"));

        var defaulted = plans.plan(plan("ws_1", null));
        var overridden = plans.plan(plan("ws_1", new ProviderPreferences(List.of("sim-fast"), null, List.of(), null,
                null, null, null)));

        assertThat(before.candidates()).hasSize(4);
        assertThat(providers(defaulted.candidates())).containsExactly("azure", "sim-cheap", "openai");
        assertThat(providers(overridden.candidates())).containsExactly("sim-fast", "sim-cheap", "openai", "azure");
        assertThat(routing.routing("ws_1").updatedBy()).isEqualTo("admin-1");
    }

    @Test
    void otherWorkspacesAreNotAffected() {
        routing.set(SetWorkspaceRoutingCommand.of("ws_1",
                new ProviderPreferences(null, List.of("openai"), null, null, null, null, null), "admin-1"));

        assertThat(plans.plan(plan("ws_2", null)).candidates()).hasSize(4);
        assertThat(routing.routing("ws_2").updatedAt()).isNull();
    }

    @Test
    void anUnknownOrArchivedWorkspaceCannotGetDefaults() {
        routing.learn(new KnownWorkspace("ws_old", "org_1", true));

        assertThatThrownBy(() -> routing.set(SetWorkspaceRoutingCommand.of("ws_9", null, "u")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> routing.set(SetWorkspaceRoutingCommand.of("ws_old", null, "u")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void thePreviewRanksWithTheDefaultsAndNamesTheConstraintThatRemovesAnEndpoint() {
        routing.set(SetWorkspaceRoutingCommand.of("ws_1",
                new ProviderPreferences(null, null, List.of("azure"), null, "price", null, null), "admin-1"));
        var constraints = new RouteConstraints(List.of(), List.of(), List.of(), List.of("sim-cheap"), false, false,
                null, null);

        var preview = plans.preview(new PreviewRouteCommand(plan("ws_1", null), constraints));

        assertThat(preview.entries()).extracting(e -> e.candidate().provider() + " " + e.kept() + " " + e.reason())
                .containsExactly("sim-cheap false constraints.ignored_providers", "openai true sort:price",
                        "sim-fast true sort:price", "azure false ignore");
        assertThat(preview.entries()).filteredOn(PreviewEntry::kept).first()
                .satisfies(e -> assertThat(e.candidate().price().prompt()).isEqualByComparingTo("0.00000015"));
    }

    private static PlanRouteCommand plan(String workspace, ProviderPreferences provider) {
        return PlanRouteCommand.of(new PlanRequest(workspace, Catalogs.MINI, null, provider));
    }

    private static List<String> providers(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::provider).toList();
    }
}
