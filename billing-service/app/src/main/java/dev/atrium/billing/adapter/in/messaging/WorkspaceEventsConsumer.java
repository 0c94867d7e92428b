package dev.atrium.billing.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase;
import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase.LearnWorkspaceCommand;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.UntilDone;
import dev.atrium.workspace.api.WorkspaceEvents;
import dev.atrium.workspace.api.WorkspaceEvents.Event;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceArchived;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceCreated;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns workspace -> organization from workspace creations, so a workspace's reports work before its
 * first usage, and from archivings, which name the organization too: an archived workspace's usage and
 * statements stay readable by the same people (what it spent is part of the organization's books), so
 * billing keeps no archived flag, unlike routing, which refuses to change an archived workspace's routing.
 */
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
        String type = CloudEventHeaders.read(record.headers(), "ce_type");
        LearnWorkspaceCommand command;
        try {
            Event event = WorkspaceEvents.decode(json, type, record.value()).orElse(null);
            if (event instanceof WorkspaceCreated e) {
                command = LearnWorkspaceCommand.of(e.workspaceId(), e.organizationId());
            } else if (event instanceof WorkspaceArchived e) {
                command = LearnWorkspaceCommand.of(e.workspaceId(), e.organizationId());
            } else {
                return;
            }
        } catch (IllegalArgumentException e) {
            LOG.warnf("Skipping unreadable workspace event at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        UntilDone.run("Learning a " + type + " event", () -> learnWorkspace.learn(command));
    }
}
