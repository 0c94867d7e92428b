package dev.atrium.guardrail.adapter.in.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import dev.atrium.guardrail.domain.LimitReset;
import dev.atrium.workspace.api.WorkspaceEvents;
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
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Skipping malformed %s event %s at %s-%d@%d: %s", type, id, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (event != null) {
            UntilDone.run("Learning " + type + " event " + id, () -> learnTenancy.learn(event));
        }
    }

    private TenancyEvent parse(String id, String type, String json) throws JsonProcessingException {
        if (WorkspaceEvents.ORGANIZATION_CREATED.equals(type)) {
            var e = mapper.readValue(json, WorkspaceEvents.OrganizationCreated.class);
            return new OrganizationLearned(id, type, e.organizationId());
        }
        if (WorkspaceEvents.WORKSPACE_CREATED.equals(type)) {
            var e = mapper.readValue(json, WorkspaceEvents.WorkspaceCreated.class);
            return new WorkspaceLearned(id, type, new KnownWorkspace(e.workspaceId(), e.organizationId()));
        }
        if (WorkspaceEvents.API_KEY_CREATED.equals(type)) {
            var e = mapper.readValue(json, WorkspaceEvents.ApiKeyCreated.class);
            return new KeyLearned(id, type, new KnownKey(e.keyId(), e.workspaceId(), e.organizationId(),
                    e.ownerUserId(), e.limit(), LimitReset.parse(e.limitReset()), e.includeByokInLimit()));
        }
        if (WorkspaceEvents.API_KEY_UPDATED.equals(type)) {
            // A PATCHed limit, reset window or BYOK inclusion is the key's budget from now on.
            var e = mapper.readValue(json, WorkspaceEvents.ApiKeyUpdated.class);
            return new KeyLearned(id, type, new KnownKey(e.keyId(), e.workspaceId(), e.organizationId(),
                    e.ownerUserId(), e.limit(), LimitReset.parse(e.limitReset()), e.includeByokInLimit()));
        }
        return null;
    }
}
