package dev.atrium.guardrail.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.EventRecords;
import dev.atrium.common.events.UntilDone;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.guardrail.application.port.in.RecordUsageUseCase;
import dev.atrium.guardrail.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Charges each generation of atrium.usage.recorded to its budgets and settles its reservation, once per generation id. */
@ApplicationScoped
class UsageConsumer {

    private static final Logger LOG = Logger.getLogger(UsageConsumer.class);

    private final RecordUsageUseCase recordUsage;
    private final ObjectMapper mapper;

    UsageConsumer(RecordUsageUseCase recordUsage, ObjectMapper mapper) {
        this.recordUsage = recordUsage;
        this.mapper = mapper;
    }

    /** One transaction per polled batch, so settlement keeps up with the gateway at full load. */
    @Incoming("usage")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<RecordUsageCommand> commands = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            EventRecords.read(record, mapper, GatewayEvents.USAGE_TYPE, UsageRecorded.class,
                    u -> RecordUsageCommand.of(u.generationId(), u.keyId(), u.workspaceId(), u.organizationId(),
                            u.ownerUserId(), u.reservationId(), u.cost(), u.byok(), u.createdAt()))
                    .ifPresent(commands::add);
        }
        int charged = UntilDone.get("Charging " + commands.size() + " usage records", () -> recordUsage.recordAll(commands));
        if (charged < commands.size()) {
            LOG.debugf("%d generations were already counted", commands.size() - charged);
        }
    }
}
