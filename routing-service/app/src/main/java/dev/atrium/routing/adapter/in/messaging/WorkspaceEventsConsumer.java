package dev.atrium.routing.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.EventRecords;
import dev.atrium.common.events.UntilDone;
import dev.atrium.routing.application.port.in.LearnWorkspaceUseCase;
import dev.atrium.routing.domain.KnownWorkspace;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns workspace -> organization (and archiving) from atrium.workspace.events, to authorize the
 * workspace routes and refuse changes to an archived workspace's routing; other types are not ours.
 * Upserts by workspace id, so redelivery is harmless.
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
                        w -> new KnownWorkspace(w.workspaceId(), w.organizationId(), w.archived()))
                .ifPresent(workspace -> UntilDone.run("Learning workspace " + workspace.id(),
                        () -> learnWorkspace.learn(workspace)));
    }
}
