package dev.atrium.billing.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.BatchOutcome;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.common.events.EventRecords;
import dev.atrium.common.events.UntilDone;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.UsageRecorded;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Books the usage records the gateway publishes, a polled batch per transaction. A record that
 * cannot be read is logged (where it is, never its content) and skipped. A batch whose transaction
 * fails is booked again from the start (the failed attempt left nothing behind), with backoff, until
 * the database answers again: the channel never stops, and the offsets are not committed meanwhile.
 */
@ApplicationScoped
class UsageRecordedConsumer {

    private static final Logger LOG = Logger.getLogger(UsageRecordedConsumer.class);

    private final RecordUsageUseCase recordUsage;
    private final ObjectMapper json;
    private final Clock clock;

    UsageRecordedConsumer(RecordUsageUseCase recordUsage, ObjectMapper json, Clock clock) {
        this.recordUsage = recordUsage;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("usage")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<RecordUsageCommand> commands = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            command(record).ifPresent(commands::add);
        }
        if (!commands.isEmpty()) {
            book(commands, records);
        }
    }

    private Optional<RecordUsageCommand> command(ConsumerRecord<String, String> record) {
        return EventRecords.read(record, json, GatewayEvents.USAGE_TYPE, UsageRecorded.class,
                u -> RecordUsageCommand.of(u.generationId(), u.organizationId(), u.workspaceId(), u.keyId(),
                        u.ownerUserId(), u.model(), u.provider(), u.promptTokens(), u.completionTokens(), u.cost(),
                        u.byok(), u.latencyMs(), u.policyRevision(), u.createdAt(), clock.instant()));
    }

    /**
     * Books the batch, trying again until it succeeds (a database restart, say): a failed attempt left
     * nothing behind, and the offsets stay uncommitted meanwhile, so no usage is skipped or lost.
     */
    private void book(List<RecordUsageCommand> commands, ConsumerRecords<String, String> records) {
        UntilDone.run("Booking the usage records up to " + describe(records), () -> {
            long start = System.nanoTime();
            BatchOutcome outcome = recordUsage.recordAll(commands);
            LOG.debugf("Booked %d usage records (%d duplicates) up to %s in %d ms", outcome.recorded(),
                    outcome.duplicates(), describe(records), (System.nanoTime() - start) / 1_000_000);
        });
    }

    private static String position(ConsumerRecord<String, String> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }

    /** The last offset of each partition in the batch. */
    private static String describe(ConsumerRecords<String, String> records) {
        List<String> positions = new ArrayList<>();
        records.partitions().forEach(p -> {
            List<ConsumerRecord<String, String>> inPartition = records.records(p);
            positions.add(position(inPartition.get(inPartition.size() - 1)));
        });
        return String.join(", ", positions);
    }
}
