package dev.atrium.guardrail.adapter.in.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.billing.api.BalanceChanged;
import dev.atrium.billing.api.BillingEvents;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.events.UntilDone;
import dev.atrium.guardrail.application.port.in.RecordBalanceUseCase;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps each organization's latest credit balance from atrium.billing.balance; older revisions are skipped. */
@ApplicationScoped
class BalanceConsumer {

    private static final Logger LOG = Logger.getLogger(BalanceConsumer.class);

    private final RecordBalanceUseCase balances;
    private final ObjectMapper mapper;

    BalanceConsumer(RecordBalanceUseCase balances, ObjectMapper mapper) {
        this.balances = balances;
        this.mapper = mapper;
    }

    @Incoming("balance")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        // The topic also carries low-balance notices; only balance changes move the credit view.
        String type = CloudEventHeaders.read(record.headers(), "ce_type");
        if (type != null && !BillingEvents.BALANCE_CHANGED.equals(type)) {
            return;
        }
        BalanceChanged b;
        try {
            b = mapper.readValue(record.value(), BalanceChanged.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("Skipping malformed balance event at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (b.organizationId() == null || b.organizationId().isBlank() || b.organizationId().length() > 64
                || b.balance() == null) {
            LOG.warnf("Skipping balance event without organization or balance at %s-%d@%d", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        if (!UntilDone.get("Recording the balance of " + b.organizationId(),
                () -> balances.record(b.organizationId(), b.balance(), b.revision()))) {
            LOG.debugf("Balance revision %d of %s is not newer than the one kept", b.revision(), b.organizationId());
        }
    }
}
