package dev.atrium.workspace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.atrium.workspace.api.WorkspaceEvents.ApiKeyUpdated;
import dev.atrium.workspace.api.WorkspaceEvents.KeyChange;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceArchived;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceChange;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceLifecycle;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WorkspaceEventsTest {

    /** As the services' mapper reads (common JsonSettings): snake_case, unknown fields ignored. */
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

    @Test
    void readsEachTypeIntoItsPayload() {
        var archived = WorkspaceEvents.decode(json, WorkspaceEvents.WORKSPACE_ARCHIVED,
                "{\"workspace_id\":\"ws_1\",\"organization_id\":\"org_1\",\"settings_revision\":7,\"later\":1}");
        assertThat(archived).containsInstanceOf(WorkspaceArchived.class);
        assertThat(((WorkspaceChange) archived.orElseThrow()).workspaceId()).isEqualTo("ws_1");
        assertThat(archived.orElseThrow().organizationId()).isEqualTo("org_1");

        var updated = WorkspaceEvents.decode(json, WorkspaceEvents.API_KEY_UPDATED,
                "{\"key_id\":\"key_1\",\"workspace_id\":\"ws_1\",\"limit\":12.50,\"limit_reset\":\"weekly\","
                        + "\"disabled\":true}");
        ApiKeyUpdated key = (ApiKeyUpdated) updated.orElseThrow();
        assertThat(((KeyChange) key).keyId()).isEqualTo("key_1");
        assertThat(key.limit()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(LimitReset.parse(key.limitReset())).isEqualTo(LimitReset.WEEKLY);
        assertThat(key.disabled()).isTrue();
    }

    @Test
    void aTypeThisVersionDoesNotKnowIsSkippedNotRefused() {
        assertThat(WorkspaceEvents.decode(json, "dev.atrium.workspace.something-new.v1", "not even json")).isEmpty();
        assertThat(WorkspaceEvents.decode(json, null, "{}")).isEmpty();
    }

    @Test
    void aKnownTypeWithoutAReadableBodyIsMalformed() {
        assertThatThrownBy(() -> WorkspaceEvents.decode(json, WorkspaceEvents.WORKSPACE_CREATED, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no body");
        assertThatThrownBy(() -> WorkspaceEvents.decode(json, WorkspaceEvents.WORKSPACE_CREATED, "null"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no body");
        assertThatThrownBy(() -> WorkspaceEvents.decode(json, WorkspaceEvents.WORKSPACE_CREATED, "{\"workspace_id\":"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unreadable");
    }

    @Test
    void aWorkspacesLifecycleIsItsCreationOrItsArchivingAndNothingElse() {
        assertThat(WorkspaceEvents.lifecycle(json, WorkspaceEvents.WORKSPACE_CREATED,
                "{\"workspace_id\":\"ws_1\",\"organization_id\":\"org_1\",\"name\":\"Prod\"}"))
                .contains(new WorkspaceLifecycle("ws_1", "org_1", false));
        assertThat(WorkspaceEvents.lifecycle(json, WorkspaceEvents.WORKSPACE_ARCHIVED,
                "{\"workspace_id\":\"ws_1\",\"organization_id\":\"org_1\",\"settings_revision\":3}"))
                .contains(new WorkspaceLifecycle("ws_1", "org_1", true));
        assertThat(WorkspaceEvents.lifecycle(json, WorkspaceEvents.WORKSPACE_UPDATED,
                "{\"workspace_id\":\"ws_1\",\"organization_id\":\"org_1\",\"name\":\"Renamed\"}")).isEmpty();
        assertThat(WorkspaceEvents.lifecycle(json, WorkspaceEvents.API_KEY_REVOKED,
                "{\"key_id\":\"key_1\",\"workspace_id\":\"ws_1\",\"organization_id\":\"org_1\"}")).isEmpty();
        assertThatThrownBy(() -> WorkspaceEvents.lifecycle(json, WorkspaceEvents.WORKSPACE_ARCHIVED, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no body");
    }

    @Test
    void limitResetReadsTheWireNamesOnly() {
        assertThat(LimitReset.parse("MONTHLY")).isEqualTo(LimitReset.MONTHLY);
        assertThat(LimitReset.parse(null)).isNull();
        assertThat(LimitReset.DAILY.wire()).isEqualTo("daily");
        assertThatThrownBy(() -> LimitReset.parse("hourly")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit_reset must be daily, weekly, monthly or null");
    }
}
