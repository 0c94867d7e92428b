package dev.atrium.billing.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase;
import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase.LearnWorkspaceCommand;
import dev.atrium.common.events.EventRecords;
import dev.atrium.common.events.UntilDone;
import dev.atrium.workspace.api.WorkspaceEvents;
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
        EventRecords.read(record, (type, value) -> WorkspaceEvents.lifecycle(json, type, value),
                        w -> LearnWorkspaceCommand.of(w.workspaceId(), w.organizationId()))
                .ifPresent(command -> UntilDone.run("Learning workspace " + command.workspace().workspaceId(),
                        () -> learnWorkspace.learn(command)));
    }
}
