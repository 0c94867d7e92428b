package dev.atrium.billing.adapter.in.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.UsageOutcome;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.UsageRecorded;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Books every usage record the gateway publishes. A record that cannot be read is logged (where it
 * is, never its content) and skipped; a database failure that outlasts a few retries stops the
 * channel instead (health turns DOWN), so no usage is lost: the record is read again after a restart.
 */
@ApplicationScoped
class UsageRecordedConsumer {

    private static final Logger LOG = Logger.getLogger(UsageRecordedConsumer.class);
    private static final int ATTEMPTS = 3;

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
    public void consume(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.read(record.headers(), "ce_type");
        if (type != null && !GatewayEvents.USAGE_TYPE.equals(type)) {
            LOG.debugf("Ignoring event of type %s at %s", type, position(record));
            return;
        }
        RecordUsageCommand command;
        try {
            command = command(record.value());
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipping unreadable usage record at %s: %s", position(record), e.getOriginalMessage());
            return;
        } catch (InvalidFieldException e) {
            LOG.warnf("Skipping invalid usage record at %s: %s", position(record), e.getMessage());
            return;
        }
        book(command, position(record));
    }

    /** Retries a failing transaction briefly (a database restart, say) before giving the record up to the channel. */
    private void book(RecordUsageCommand command, String position) {
        for (int attempt = 1; ; attempt++) {
            try {
                UsageOutcome outcome = recordUsage.record(command);
                LOG.debugf("Usage of %s at %s: %s", command.generation().id(), position, outcome);
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    LOG.errorf("Could not book the usage record at %s after %d attempts; the channel stops: %s",
                            position, ATTEMPTS, e.getMessage());
                    throw e;
                }
                LOG.warnf("Booking the usage record at %s failed (attempt %d of %d), retrying: %s", position,
                        attempt, ATTEMPTS, e.getMessage());
                pause(Duration.ofSeconds(attempt));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a usage record", e);
        }
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
}
