package dev.atrium.guardrail.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.UntilDone;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.KeyLearned;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.OrganizationLearned;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.TenancyEvent;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.WorkspaceLearned;
import dev.atrium.guardrail.domain.KnownKey;
import dev.atrium.guardrail.domain.KnownWorkspace;
import dev.atrium.workspace.api.LimitReset;
import dev.atrium.workspace.api.WorkspaceEvents;
import dev.atrium.workspace.api.WorkspaceEvents.ApiKeyCreated;
import dev.atrium.workspace.api.WorkspaceEvents.ApiKeyUpdated;
import dev.atrium.workspace.api.WorkspaceEvents.Event;
import dev.atrium.workspace.api.WorkspaceEvents.OrganizationCreated;
import dev.atrium.workspace.api.WorkspaceEvents.WorkspaceCreated;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns workspace -> organization and key -> limit (as created, then as each PATCH left it) from
 * atrium.workspace.events; other types are not ours.
 */
@ApplicationScoped
class WorkspaceEventsConsumer {

    private static final Logger LOG = Logger.getLogger(WorkspaceEventsConsumer.class);

    private final LearnTenancyUseCase learnTenancy;
    private final ObjectMapper mapper;

    WorkspaceEventsConsumer(LearnTenancyUseCase learnTenancy, ObjectMapper mapper) {
        this.learnTenancy = learnTenancy;
        this.mapper = mapper;
    }

    @Incoming("workspace-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.read(record.headers(), "ce_type");
        String id = CloudEventHeaders.read(record.headers(), "ce_id");
        TenancyEvent event;
        try {
            event = parse(id, type, record.value());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Skipping malformed %s event %s at %s-%d@%d: %s", type, id, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (event != null) {
            UntilDone.run("Learning " + type + " event " + id, () -> learnTenancy.learn(event));
        }
    }

    private TenancyEvent parse(String id, String type, String json) {
        Event event = WorkspaceEvents.decode(mapper, type, json).orElse(null);
        if (event instanceof OrganizationCreated e) {
            return new OrganizationLearned(id, type, e.organizationId());
        }
        if (event instanceof WorkspaceCreated e) {
            return new WorkspaceLearned(id, type, new KnownWorkspace(e.workspaceId(), e.organizationId()));
        }
        if (event instanceof ApiKeyCreated e) {
            return new KeyLearned(id, type, new KnownKey(e.keyId(), e.workspaceId(), e.organizationId(),
                    e.ownerUserId(), e.limit(), LimitReset.parse(e.limitReset()), e.includeByokInLimit()));
        }
        if (event instanceof ApiKeyUpdated e) {
            // A PATCHed limit, reset window or BYOK inclusion is the key's budget from now on.
            return new KeyLearned(id, type, new KnownKey(e.keyId(), e.workspaceId(), e.organizationId(),
                    e.ownerUserId(), e.limit(), LimitReset.parse(e.limitReset()), e.includeByokInLimit()));
        }
        return null;
    }
}
