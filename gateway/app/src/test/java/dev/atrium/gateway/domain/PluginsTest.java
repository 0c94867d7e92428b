package dev.atrium.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginsTest {

    @Test
    void requestTurnsPluginsOnAndOff() {
        var workspace = List.of(new Plugins.Setting("response-healing", true, false));
        assertThat(Plugins.active(workspace, Map.of())).containsExactly("response-healing");
        assertThat(Plugins.active(workspace, Map.of("response-healing", false))).isEmpty();
        assertThat(Plugins.active(workspace, Map.of("context-compression", true)))
                .containsExactly("context-compression", "response-healing");
    }

    @Test
    void aLockedPluginCannotBeTurnedOffByTheRequest() {
        var workspace = List.of(new Plugins.Setting("moderation", true, true));
        assertThat(Plugins.active(workspace, Map.of("moderation", false))).containsExactly("moderation");
    }

    @Test
    void unknownPluginIsRejectedByName() {
        assertThatThrownBy(() -> Plugins.active(List.of(), Map.of("teleport", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("teleport");
    }
}
