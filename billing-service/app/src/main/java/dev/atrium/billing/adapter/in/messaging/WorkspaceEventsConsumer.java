package dev.atrium.billing.adapter.in.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase;
import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase.LearnWorkspaceCommand;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.UntilDone;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Learns workspace -> organization from workspace creations, so a workspace's reports work before its first usage. */
@ApplicationScoped
class WorkspaceEventsConsumer {

    private static final Logger LOG = Logger.getLogger(WorkspaceEventsConsumer.class);

    private final LearnWorkspaceUseCase learnWorkspace;
    private final ObjectMapper json;

    WorkspaceEventsConsumer(LearnWorkspaceUseCase learnWorkspace, ObjectMapper json) {
        this.learnWorkspace = learnWorkspace;
        this.json = json;
    }

    @Incoming("workspace-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        if (!WorkspaceEvents.WORKSPACE_CREATED.equals(CloudEventHeaders.read(record.headers(), "ce_type"))) {
            return;
        }
        LearnWorkspaceCommand command;
        try {
            WorkspaceEvents.WorkspaceCreated created = record.value() == null ? null
                    : json.readValue(record.value(), WorkspaceEvents.WorkspaceCreated.class);
            if (created == null) {
                throw new InvalidFieldException("value", "the event has no body");
            }
            command = LearnWorkspaceCommand.of(created.workspaceId(), created.organizationId());
        } catch (JsonProcessingException | InvalidFieldException e) {
            LOG.warnf("Skipping unreadable workspace event at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        UntilDone.run("Learning a created workspace", () -> learnWorkspace.learn(command));
    }
}
