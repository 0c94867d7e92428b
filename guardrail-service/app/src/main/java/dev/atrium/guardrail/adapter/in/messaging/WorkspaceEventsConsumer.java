package dev.atrium.guardrail.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.EventRecords;
import dev.atrium.common.events.UntilDone;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.KeyLearned;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.OrganizationLearned;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.TenancyEvent;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.WorkspaceLearned;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
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

/**
 * Learns workspace -> organization and key -> limit (as created, then as each PATCH left it) from
 * atrium.workspace.events; other types are not ours.
 */
@ApplicationScoped
class WorkspaceEventsConsumer {

    private final LearnTenancyUseCase learnTenancy;
    private final ObjectMapper mapper;

    WorkspaceEventsConsumer(LearnTenancyUseCase learnTenancy, ObjectMapper mapper) {
        this.learnTenancy = learnTenancy;
        this.mapper = mapper;
    }

    @Incoming("workspace-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String id = CloudEventHeaders.read(record.headers(), "ce_id");
        String type = CloudEventHeaders.read(record.headers(), "ce_type");
        EventRecords.read(record, (t, value) -> WorkspaceEvents.decode(mapper, t, value),
                        event -> learned(id, type, event))
                .ifPresent(event -> UntilDone.run("Learning " + type + " event " + id,
                        () -> learnTenancy.learn(event)));
    }

    private static TenancyEvent learned(String id, String type, Event event) {
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
