package dev.atrium.gateway.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.gateway.application.port.in.ForgetKeysUseCase;
import dev.atrium.workspace.api.WorkspaceEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every gateway instance reads atrium.workspace.events in a consumer group of its own, from the end,
 * and forgets what it holds of a key or a workspace that changed: a revoked or disabled key, a key
 * whose limit or expiry was changed or whose owner was removed, stops working (or works on its new
 * terms) here within the relay's and the consumer's delay (well under a second), not after the cache's
 * time limit.
 */
@ApplicationScoped
class WorkspaceEventsListener {

    private static final Logger LOG = Logger.getLogger(WorkspaceEventsListener.class);
    private static final Set<String> KEY_EVENTS = Set.of(WorkspaceEvents.API_KEY_UPDATED,
            WorkspaceEvents.API_KEY_ROTATED, WorkspaceEvents.API_KEY_REVOKED, WorkspaceEvents.API_KEY_OWNER_REMOVED);
    private static final Set<String> WORKSPACE_EVENTS = Set.of(WorkspaceEvents.WORKSPACE_UPDATED,
            WorkspaceEvents.WORKSPACE_ARCHIVED, WorkspaceEvents.WORKSPACE_SETTINGS_CHANGED);

    private final ForgetKeysUseCase forget;
    private final ObjectMapper json;

    WorkspaceEventsListener(ForgetKeysUseCase forget, ObjectMapper json) {
        this.forget = forget;
        this.json = json;
    }

    @Incoming("workspace-events")
    public void consume(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.read(record.headers(), "ce_type");
        boolean key = KEY_EVENTS.contains(type);
        if (!key && !WORKSPACE_EVENTS.contains(type)) {
            return;
        }
        JsonNode event;
        try {
            event = json.readTree(record.value());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("Skipping malformed %s event at %s-%d@%d", type, record.topic(), record.partition(),
                    record.offset());
            return;
        }
        String id = event == null ? "" : event.path(key ? "key_id" : "workspace_id").asText("");
        if (id.isEmpty()) {
            LOG.warnf("Skipping %s event without an id at %s-%d@%d", type, record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (key) {
            forget.keyChanged(id);
        } else {
            forget.workspaceChanged(id);
        }
    }
}
