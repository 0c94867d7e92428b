package dev.atrium.gateway.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.gateway.application.port.in.ForgetKeysUseCase;
import dev.atrium.workspace.api.WorkspaceEvents;
import dev.atrium.workspace.api.WorkspaceEvents.ApiKeyCreated;
import dev.atrium.workspace.api.WorkspaceEvents.Event;
import dev.atrium.workspace.api.WorkspaceEvents.KeyChange;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceChange;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceCreated;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every gateway instance reads atrium.workspace.events in a consumer group of its own, from the end,
 * and forgets what it holds of a key or a workspace that changed: a revoked or disabled key, a key
 * whose limit or expiry was changed or whose owner was removed, stops working (or works on its new
 * terms) here within the relay's and the consumer's delay (well under a second), not after the cache's
 * time limit. An archived workspace is forgotten like any changed one: its keys no longer resolve.
 * Creations change nothing held here.
 */
@ApplicationScoped
class WorkspaceEventsListener {

    private static final Logger LOG = Logger.getLogger(WorkspaceEventsListener.class);

    private final ForgetKeysUseCase forget;
    private final ObjectMapper json;

    WorkspaceEventsListener(ForgetKeysUseCase forget, ObjectMapper json) {
        this.forget = forget;
        this.json = json;
    }

    @Incoming("workspace-events")
    public void consume(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.read(record.headers(), "ce_type");
        Optional<Event> event;
        try {
            event = WorkspaceEvents.decode(json, type, record.value());
        } catch (IllegalArgumentException e) {
            LOG.warnf("Skipping malformed %s event at %s-%d@%d", type, record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (event.orElse(null) instanceof KeyChange key && !(key instanceof ApiKeyCreated)) {
            forget(key.keyId(), forget::keyChanged, type, record);
        } else if (event.orElse(null) instanceof WorkspaceChange ws && !(ws instanceof WorkspaceCreated)) {
            forget(ws.workspaceId(), forget::workspaceChanged, type, record);
        }
    }

    private static void forget(String id, Consumer<String> forgetting, String type,
            ConsumerRecord<String, String> record) {
        if (id == null || id.isEmpty()) {
            LOG.warnf("Skipping %s event without an id at %s-%d@%d", type, record.topic(), record.partition(),
                    record.offset());
            return;
        }
        forgetting.accept(id);
    }
}
