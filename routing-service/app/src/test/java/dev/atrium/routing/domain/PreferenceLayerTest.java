package dev.atrium.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request's preferences over the workspace's defaults, field by field. */
class PreferenceLayerTest {

    private final PreferenceLayer workspace = new PreferenceLayer(List.of("azure"), List.of("azure", "openai"),
            List.of("sim-flaky"), false, SortOrder.PRICE, true, true, List.of("fp8"), new BigDecimal("0.000001"),
            new BigDecimal("0.000002"), true);

    @Test
    void withoutARequestOpinionTheWorkspaceDefaultsApply() {
        assertThat(PreferenceLayer.EMPTY.over(workspace).resolve()).isEqualTo(new RoutingPreferences(List.of("azure"),
                List.of("azure", "openai"), List.of("sim-flaky"), false, SortOrder.PRICE, true, true, List.of("fp8"),
                new BigDecimal("0.000001"), new BigDecimal("0.000002"), true));
    }

    @Test
    void theRequestWinsEachFieldItSetsAndKeepsTheOthers() {
        var request = new PreferenceLayer(List.of("openai"), null, List.of(), true, SortOrder.LATENCY, false, null,
                null, new BigDecimal("0.0000005"), null, null);

        var applied = request.over(workspace).resolve();

        assertThat(applied.order()).containsExactly("openai");
        assertThat(applied.only()).containsExactly("azure", "openai");
        assertThat(applied.ignore()).isEmpty();
        assertThat(applied.allowFallbacks()).isTrue();
        assertThat(applied.sort()).isEqualTo(SortOrder.LATENCY);
        assertThat(applied.denyDataCollection()).isFalse();
        assertThat(applied.zdrOnly()).isTrue();
        assertThat(applied.quantizations()).containsExactly("fp8");
        assertThat(applied.maxPromptPrice()).isEqualByComparingTo("0.0000005");
        assertThat(applied.maxCompletionPrice()).isEqualByComparingTo("0.000002");
        assertThat(applied.requireParameters()).isTrue();
    }

    @Test
    void noOpinionAnywhereIsTheDefault() {
        assertThat(PreferenceLayer.EMPTY.over(PreferenceLayer.EMPTY).resolve()).isEqualTo(RoutingPreferences.defaults());
    }
}
