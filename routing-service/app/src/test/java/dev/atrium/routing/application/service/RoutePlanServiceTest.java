package dev.atrium.routing.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.local.testing.MutableClock;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.application.port.in.PlanRouteUseCase.PlanRouteCommand;
import dev.atrium.routing.config.CatalogConfig;
import dev.atrium.routing.domain.BaseUrlTemplate;
import dev.atrium.routing.domain.CircuitPolicy;
import dev.atrium.routing.domain.Catalogs;
import dev.atrium.routing.domain.EndpointStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutePlanServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final InMemoryRouting store = new InMemoryRouting();
    private final MutableClock clock = new MutableClock(NOW);
    /** Background reloads wait here until the test runs them. */
    private final List<Runnable> refreshes = new ArrayList<>();
    private final RoutePlanService service = new RoutePlanService(new RoutingSnapshots(store, store,
            new BaseUrlTemplate("http://sim/p/{provider}"), clock, config(Duration.ofSeconds(5)), refreshes::add),
            new WorkspaceDefaults(store, clock, config(Duration.ofSeconds(5))), CircuitPolicy.defaults(),
            config(Duration.ofSeconds(5)), clock);

    @BeforeEach
    void catalogue() {
        store.catalog = Catalogs.sample();
    }

    @Test
    void candidatesPointAtTheOverriddenBaseUrls() {
        var plan = service.plan(byPrice(Catalogs.MINI));

        assertThat(plan.candidates()).extracting(Candidate::baseUrl)
                .containsExactly("http://sim/p/sim-cheap", "http://sim/p/openai", "http://sim/p/azure", "http://sim/p/sim-fast");
    }

    @Test
    void anUnknownModelIsA404NamingTheField() {
        assertThatThrownBy(() -> service.plan(byPrice("acme/nothing")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("Model acme/nothing is not in the catalogue");
                    assertThat(e.metadata()).containsEntry("field", "model");
                });
    }

    @Test
    void plansReuseOneReadOfTheCatalogueAndStatisticsUntilTheTtlPasses() {
        service.plan(byPrice(Catalogs.MINI));
        clock.advance(Duration.ofSeconds(4));
        service.plan(byPrice(Catalogs.MINI));
        assertThat(store.loads).isEqualTo(1);
        assertThat(refreshes).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        service.plan(byPrice(Catalogs.MINI));
        assertThat(refreshes).hasSize(1);
        refreshes.remove(0).run();
        assertThat(store.loads).isEqualTo(2);
        assertThat(store.statsAskedSince).isEqualTo(NOW.plusSeconds(5).minus(EndpointStats.WINDOW));
    }

    @Test
    void anExpiredSnapshotIsServedWhileOneBackgroundReloadReplacesIt() {
        service.plan(byPrice(Catalogs.MINI));
        store.stats = List.of(Catalogs.stats("sim-fast", Catalogs.MINI, 100.0, 250.0, 0));
        clock.advance(Duration.ofSeconds(6));
        PlanRouteCommand fastest = PlanRouteCommand.of(new PlanRequest(null, Catalogs.MINI + ":nitro", null, null));

        String servedWhileStale = service.plan(fastest).candidates().get(0).provider();
        service.plan(fastest);
        assertThat(store.loads).as("no plan waits for the database").isEqualTo(1);
        assertThat(refreshes).as("one reload, however many plans find the snapshot expired").hasSize(1);

        refreshes.remove(0).run();
        assertThat(store.loads).isEqualTo(2);
        assertThat(servedWhileStale).isNotEqualTo("sim-fast");
        assertThat(service.plan(fastest).candidates().get(0).provider()).isEqualTo("sim-fast");
        assertThat(refreshes).isEmpty();
    }

    @Test
    void liveStatisticsOrderAThroughputSort() {
        store.stats = List.of(Catalogs.stats("sim-fast", Catalogs.MINI, 100.0, 250.0, 0));

        var plan = service.plan(PlanRouteCommand.of(new PlanRequest(null, Catalogs.MINI + ":nitro", null, null)));

        assertThat(plan.candidates().get(0).provider()).isEqualTo("sim-fast");
    }

    private static PlanRouteCommand byPrice(String model) {
        return PlanRouteCommand.of(new PlanRequest("ws_1", model, null,
                new ProviderPreferences(null, null, null, null, "price", null, null)));
    }

    static CatalogConfig config(Duration ttl) {
        return new CatalogConfig() {
            @Override
            public Optional<String> providerBaseUrlTemplate() {
                return Optional.empty();
            }

            @Override
            public Duration snapshotTtl() {
                return ttl;
            }

            @Override
            public Duration planReuse() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
