package dev.atrium.billing.adapter.in.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.BatchOutcome;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.common.events.CloudEventHeaders;
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
        String type = CloudEventHeaders.read(record.headers(), "ce_type");
        if (type != null && !GatewayEvents.USAGE_TYPE.equals(type)) {
            LOG.debugf("Ignoring event of type %s at %s", type, position(record));
            return Optional.empty();
        }
        try {
            return Optional.of(command(record.value()));
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipping unreadable usage record at %s: %s", position(record), e.getOriginalMessage());
        } catch (InvalidFieldException e) {
            LOG.warnf("Skipping invalid usage record at %s: %s", position(record), e.getMessage());
        }
        return Optional.empty();
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

    private RecordUsageCommand command(String value) throws JsonProcessingException {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException("value", "the record has no body");
        }
        UsageRecorded u = json.readValue(value, UsageRecorded.class);
        if (u == null) {
            throw new InvalidFieldException("value", "the record's body is null");
        }
        return RecordUsageCommand.of(u.generationId(), u.organizationId(), u.workspaceId(), u.keyId(),
                u.ownerUserId(), u.model(), u.provider(), u.promptTokens(), u.completionTokens(), u.cost(), u.byok(),
                u.latencyMs(), u.policyRevision(), u.createdAt(), clock.instant());
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
