package dev.atrium.routing.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.UntilDone;
import dev.atrium.routing.application.port.in.LearnWorkspaceUseCase;
import dev.atrium.routing.domain.KnownWorkspace;
import dev.atrium.workspace.api.WorkspaceEvents;
import dev.atrium.workspace.api.WorkspaceEvents.Event;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceArchived;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceCreated;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns workspace -> organization (and archiving) from atrium.workspace.events, to authorize the
 * workspace routes; other types are not ours. Upserts by workspace id, so redelivery is harmless.
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
        KnownWorkspace workspace;
        try {
            workspace = parse(type, record.value());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Skipping malformed %s event %s at %s-%d@%d: %s", type,
                    CloudEventHeaders.read(record.headers(), "ce_id"), record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (workspace != null) {
            UntilDone.run("Learning a " + type + " event", () -> learnWorkspace.learn(workspace));
        }
    }

    /** What a workspace's creation or archiving teaches; null for every other event. */
    private KnownWorkspace parse(String type, String value) {
        Event event = WorkspaceEvents.decode(json, type, value).orElse(null);
        if (event instanceof WorkspaceCreated e) {
            return new KnownWorkspace(e.workspaceId(), e.organizationId(), false);
        }
        if (event instanceof WorkspaceArchived e) {
            return new KnownWorkspace(e.workspaceId(), e.organizationId(), true);
        }
        return null;
    }
}
