package dev.atrium.gateway.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.EventRecords;
import dev.atrium.gateway.application.port.in.ForgetKeysUseCase;
import dev.atrium.workspace.api.WorkspaceEvents;
import dev.atrium.workspace.api.WorkspaceEvents.ApiKeyCreated;
import dev.atrium.workspace.api.WorkspaceEvents.Event;
import dev.atrium.workspace.api.WorkspaceEvents.KeyChange;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceChange;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceCreated;
import jakarta.enterprise.context.ApplicationScoped;
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
        EventRecords.read(record, (type, value) -> WorkspaceEvents.decode(json, type, value), event -> event)
                .ifPresent(this::forget);
    }

    private void forget(Event event) {
        if (event instanceof KeyChange key && !(key instanceof ApiKeyCreated) && named(key.keyId())) {
            forget.keyChanged(key.keyId());
        } else if (event instanceof WorkspaceChange ws && !(ws instanceof WorkspaceCreated)
                && named(ws.workspaceId())) {
            forget.workspaceChanged(ws.workspaceId());
        }
    }

    private static boolean named(String id) {
        if (id == null || id.isEmpty()) {
            LOG.warn("Skipping a workspace event without an id");
            return false;
        }
        return true;
    }
}
