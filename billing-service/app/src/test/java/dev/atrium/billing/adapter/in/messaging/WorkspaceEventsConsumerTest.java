package dev.atrium.billing.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase.LearnWorkspaceCommand;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.workspace.api.WorkspaceEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Which workspace events teach billing a workspace's organization. */
class WorkspaceEventsConsumerTest {

    private final List<LearnWorkspaceCommand> learned = new ArrayList<>();
    private final WorkspaceEventsConsumer consumer = new WorkspaceEventsConsumer(learned::add,
            JsonSettings.apply(new ObjectMapper()));

    private static ConsumerRecord<String, String> record(String type, String value) {
        var record = new ConsumerRecord<>(WorkspaceEvents.TOPIC, 0, 0L, "org_1", value);
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void anArchivedWorkspaceIsLearnedLikeACreatedOneSoItsReportsStayReadable() {
        consumer.consume(record(WorkspaceEvents.WORKSPACE_CREATED,
                "{\"workspace_id\":\"ws_1\",\"organization_id\":\"org_1\",\"name\":\"One\"}"));
        consumer.consume(record(WorkspaceEvents.WORKSPACE_ARCHIVED,
                "{\"workspace_id\":\"ws_2\",\"organization_id\":\"org_1\",\"settings_revision\":3}"));

        assertThat(learned).extracting(c -> c.workspace().workspaceId() + "@" + c.workspace().organizationId())
                .containsExactly("ws_1@org_1", "ws_2@org_1");
    }

    @Test
    void otherEventsAndUnreadableOnesTeachNothing() {
        consumer.consume(record(WorkspaceEvents.API_KEY_CREATED,
                "{\"key_id\":\"k\",\"workspace_id\":\"ws_1\",\"organization_id\":\"org_1\"}"));
        consumer.consume(record(WorkspaceEvents.WORKSPACE_CREATED, "{\"workspace_id\":"));
        consumer.consume(record(WorkspaceEvents.WORKSPACE_ARCHIVED, "{\"workspace_id\":\"ws_3\"}"));

        assertThat(learned).isEmpty();
    }
}
