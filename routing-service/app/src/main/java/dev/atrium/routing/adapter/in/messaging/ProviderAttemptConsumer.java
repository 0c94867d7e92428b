package dev.atrium.routing.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.EventRecords;
import dev.atrium.common.events.UntilDone;
import dev.atrium.gateway.api.GatewayEvents;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.routing.application.port.in.RecordProviderAttemptUseCase;
import dev.atrium.routing.domain.Attempt;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** The gateway's provider attempts, feeding the live statistics; a malformed record is logged and skipped. */
@ApplicationScoped
class ProviderAttemptConsumer {

    private static final Logger LOG = Logger.getLogger(ProviderAttemptConsumer.class);

    private final RecordProviderAttemptUseCase recordAttempt;
    private final ObjectMapper json;
    private final Clock clock;

    ProviderAttemptConsumer(RecordProviderAttemptUseCase recordAttempt, ObjectMapper json, Clock clock) {
        this.recordAttempt = recordAttempt;
        this.json = json;
        this.clock = clock;
    }

    /** One transaction per polled batch: routing keeps up with the gateway at full load. */
    @Incoming("provider-attempts")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<Attempt> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            parse(record).ifPresent(batch::add);
        }
        int added = UntilDone.get("Recording " + batch.size() + " provider attempts", () -> recordAttempt.recordAll(batch));
        if (added < batch.size()) {
            LOG.debugf("%d provider attempts were already recorded", batch.size() - added);
        }
    }

    private Optional<Attempt> parse(ConsumerRecord<String, String> record) {
        String eventId = CloudEventHeaders.read(record.headers(), "ce_id");
        return EventRecords.read(record, json, GatewayEvents.ATTEMPT_TYPE, ProviderAttempt.class,
                a -> new Attempt(eventId, a.generationId(), a.provider(), a.model(), a.outcome(), a.status(),
                        a.latencyMs(), a.timeToFirstTokenMs(), a.completionTokens(),
                        a.at() == null ? clock.instant() : a.at()));
    }
}
