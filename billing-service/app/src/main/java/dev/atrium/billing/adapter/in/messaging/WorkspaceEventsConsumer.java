package dev.atrium.billing.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase;
import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase.LearnWorkspaceCommand;
import dev.atrium.common.events.EventRecords;
import dev.atrium.common.events.UntilDone;
import dev.atrium.workspace.api.WorkspaceEvents;
import dev.atrium.workspace.api.WorkspaceEvents.Event;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceArchived;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceCreated;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns workspace -> organization from workspace creations, so a workspace's reports work before its
 * first usage, and from archivings, which name the organization too: an archived workspace's usage and
 * statements stay readable by the same people (what it spent is part of the organization's books), so
 * billing keeps no archived flag, unlike routing, which refuses to change an archived workspace's routing.
 */
@ApplicationScoped
class WorkspaceEventsConsumer {

    private final LearnWorkspaceUseCase learnWorkspace;
    private final ObjectMapper json;

    WorkspaceEventsConsumer(LearnWorkspaceUseCase learnWorkspace, ObjectMapper json) {
        this.learnWorkspace = learnWorkspace;
        this.json = json;
    }

    @Incoming("workspace-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        EventRecords.read(record, (type, value) -> WorkspaceEvents.decode(json, type, value),
                WorkspaceEventsConsumer::command)
                .ifPresent(command -> UntilDone.run("Learning workspace " + command.workspace().workspaceId(),
                        () -> learnWorkspace.learn(command)));
    }

    private static LearnWorkspaceCommand command(Event event) {
        if (event instanceof WorkspaceCreated e) {
            return LearnWorkspaceCommand.of(e.workspaceId(), e.organizationId());
        }
        if (event instanceof WorkspaceArchived e) {
            return LearnWorkspaceCommand.of(e.workspaceId(), e.organizationId());
        }
        return null;
    }
}
