package dev.atrium.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.KafkaTracing;
import dev.atrium.common.transaction.TransactionHooks;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Appends an event to the outbox inside the caller's transaction. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxRelay relay;
    private final TransactionHooks transactions;

    Outbox(ObjectMapper json, Clock clock, OutboxRelay relay, TransactionHooks transactions) {
        this.json = json;
        this.clock = clock;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** @return the event id */
    @Transactional(Transactional.TxType.MANDATORY)
    public String append(String topic, String key, String type, String source, Object payload) {
        OutboxEventEntity event = new OutboxEventEntity();
        event.eventId = "evt-" + UUID.randomUUID();
        event.topic = topic;
        event.recordKey = key;
        event.eventType = type;
        event.source = source;
        event.createdAt = clock.instant();
        event.traceParent = KafkaTracing.traceparent(Context.current());
        try {
            event.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload is not serializable: " + type, e);
        }
        event.persist();
        // Sent right after the commit rather than at the relay's next tick: consumers such as the
        // gateway's key cache hear of a change within milliseconds.
        transactions.afterCommit(relay::wake);
        return event.eventId;
    }
}
