package dev.atrium.routing.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.application.port.in.PlanRouteUseCase.PlanRouteCommand;
import dev.atrium.routing.domain.ModelRequest;
import dev.atrium.routing.domain.RoutingPreferences;
import dev.atrium.routing.domain.SortOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRouteCommandTest {

    @Test
    void modelComesFirstThenTheFallbacksEachOnce() {
        var command = PlanRouteCommand.of(new PlanRequest("ws_1", "openai/gpt-4o-mini:floor",
                List.of("meta-llama/llama-3.1-8b-instruct", "openai/gpt-4o-mini", "openai/gpt-4o"), null));

        assertThat(command.models()).containsExactly(
                new ModelRequest("openai/gpt-4o-mini", SortOrder.PRICE, "model"),
                new ModelRequest("meta-llama/llama-3.1-8b-instruct", null, "models"),
                new ModelRequest("openai/gpt-4o", null, "models"));
        assertThat(command.preferences()).isEqualTo(RoutingPreferences.defaults());
    }

    @Test
    void modelsAloneAreEnough() {
        var command = PlanRouteCommand.of(new PlanRequest(null, null, List.of("openai/gpt-4o"), null));

        assertThat(command.models()).extracting(ModelRequest::id).containsExactly("openai/gpt-4o");
    }

    @Test
    void neitherModelNorModelsIsRefusedNamingModel() {
        assertThatThrownBy(() -> PlanRouteCommand.of(new PlanRequest("ws_1", " ", List.of(), null)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("model"));
        assertThatThrownBy(() -> PlanRouteCommand.of(null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("model"));
    }

    @Test
    void providerPreferencesAreCarriedOver() {
        var command = PlanRouteCommand.of(new PlanRequest(null, "openai/gpt-4o", null, new ProviderPreferences(
                List.of("azure"), List.of("azure", "openai"), List.of("sim-flaky"), false, "throughput", "deny", true)));

        assertThat(command.preferences()).isEqualTo(new RoutingPreferences(List.of("azure"), List.of("azure", "openai"),
                List.of("sim-flaky"), false, SortOrder.THROUGHPUT, true, true));
    }

    @Test
    void anUnknownSortIsRefusedNamingTheField() {
        assertThatThrownBy(() -> PlanRouteCommand.of(new PlanRequest(null, "openai/gpt-4o", null,
                new ProviderPreferences(null, null, null, null, "cheapest", null, null))))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("provider.sort"));
    }

    @Test
    void anUnknownDataCollectionIsRefusedNamingTheField() {
        assertThatThrownBy(() -> PlanRouteCommand.of(new PlanRequest(null, "openai/gpt-4o", null,
                new ProviderPreferences(null, null, null, null, null, "never", null))))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("provider.data_collection"));
    }
}
